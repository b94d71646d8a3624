"""YAML read so that every mapping knows its line, and refused before it is built when it
is not a catalogue: a key given twice, an alias "bomb", nesting without end."""
import yaml

# Bounds on what a catalogue may be: the bundled ones are under 50 kB, nest 8
# levels and use no aliases. An alias "bomb" (a few lines expanding to billions
# of nodes) and deep nesting are refused before anything is built from them.
MAX_BYTES = 2_000_000
MAX_NODES = 200_000
MAX_DEPTH = 60


class LineDict(dict):
    line = 0
    key_lines: dict = {}


class LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """A safe loader whose mappings remember their line (1-based). libyaml's parser where PyYAML
    has it (four times faster than the pure-Python one: every run of a check reads the catalogues)."""


class DuplicateKey(Exception):
    def __init__(self, key, line, first_line):
        super().__init__(key)
        self.key, self.line, self.first_line = key, line, first_line


class TooLarge(Exception):
    def __init__(self, problem, line=0):
        super().__init__(problem)
        self.problem, self.line = problem, line


def construct_mapping(loader, node, deep=False):
    key_lines = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        line = key_node.start_mark.line + 1
        try:
            if key in key_lines:  # YAML forbids it; PyYAML would keep the last one silently
                raise DuplicateKey(key, line, key_lines[key])
        except TypeError:  # an unhashable key: construct_mapping says so
            break
        key_lines[key] = line
    mapping = LineDict(yaml.SafeLoader.construct_mapping(loader, node, deep=True))
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = key_lines
    return mapping


def check_size(root):
    """Refuse a node graph whose expansion (aliases counted each time they are
    used) exceeds MAX_NODES, or that nests deeper than MAX_DEPTH, without expanding it."""
    sizes = {}
    stack = [(root, 1, False)]
    while stack:
        node, depth, done = stack.pop()
        if depth > MAX_DEPTH:
            raise TooLarge(f"it nests more than {MAX_DEPTH} levels deep", node.start_mark.line + 1)
        if id(node) in sizes:
            continue
        children = []
        if isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        elif isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        if not done and any(id(c) not in sizes for c in children):
            stack.append((node, depth, True))
            stack.extend((c, depth + 1, False) for c in children if id(c) not in sizes)
            continue
        sizes[id(node)] = 1 + sum(sizes.get(id(c), 1) for c in children)
        if sizes[id(node)] > MAX_NODES:
            raise TooLarge(f"it expands to more than {MAX_NODES} values (through aliases `*name`, "
                            "or simply by its size)", node.start_mark.line + 1)


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
