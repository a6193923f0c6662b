"""Exit codes of every ``praktijkbank`` command, as publiccode-parser has them."""

EXIT_OK = 0  # all is well
EXIT_INVALID = 1  # the content (or a derived file) is not right
EXIT_USAGE = 2  # the command, a path or taxonomy.yml cannot be used
