"""Prints a compile_commands.json: one entry per FILE (relative to DIR, as
CMake writes them for sources under the build's directory), compiled in DIR
with -DFROM_DATABASE=1.

usage: database.py DIR FILE...
"""

import json
import sys

directory, files = sys.argv[1], sys.argv[2:]
print(json.dumps([
    {
        "directory": directory,
        "file": name,
        "command": "c++ -std=c++17 -DFROM_DATABASE=1 -c " + name,
    }
    for name in files
], indent=2))
