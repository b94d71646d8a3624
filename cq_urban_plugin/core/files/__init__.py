"""Writing files safely: staged outputs, atomic writes, CSV-safe sinks, field lists."""
