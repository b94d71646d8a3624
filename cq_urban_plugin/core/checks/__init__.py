"""One module per check (layers and options in, a result out), the targets and the report."""
