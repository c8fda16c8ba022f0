# cosm.py - gdb commands to see a cosm program's tasks and where they wait.
#
#   cosm tasks          every task of the running loop(s): id, name, state
#                       and where it waits (like `python -m asyncio ps`)
#   cosm graph [TASK]   the call graph of TASK (its id or name), in
#                       format_call_graph()'s shape; without TASK, of every
#                       task no other task waits for (like `pstree`)
#
# Everything is read through debug information: nothing in the process is
# called, so the commands work on a core file as on a live process. Load
# with `source /usr/share/cosm/gdb/cosm.py` (or auto-load it: see
# docs/runtime.md, "Where is my task?"). The program needs -g; lines come
# from the FrameLines table cosm-lower emits in each frame.

import re

import gdb


def _string(value):
    """A std::string's text (libstdc++ layout; else gdb's printer)."""
    try:
        data = value["_M_dataplus"]["_M_p"]
        return data.string(length=int(value["_M_string_length"]))
    except gdb.error:
        return str(value).strip('"')


def _owned_string(value):
    """The text of a std::unique_ptr<std::string> ("" when null): with the
    default deleter it is one pointer, whatever the library's layout."""
    try:
        target = value.type.strip_typedefs().template_argument(0)
        pointer = value.address.cast(target.pointer().pointer()).dereference()
    except (gdb.error, RuntimeError):
        return ""
    return _string(pointer.dereference()) if int(pointer) else ""


def _pointee(ref):
    """The pointer a cosm::detail::Ref holds (0 for none)."""
    return ref["P"]


def _unique_ptr(value):
    """The pointer a std::unique_ptr<T> with the default deleter holds: its
    only data, at its start."""
    target = value.type.strip_typedefs().template_argument(0)
    return value.address.cast(target.pointer().pointer()).dereference()


def _vector(value):
    impl = value["_M_impl"]
    start, finish = impl["_M_start"], impl["_M_finish"]
    return [(start + i).dereference() for i in range(int(finish - start))]


def _dynamic(pointer):
    """*pointer as its most derived type."""
    try:
        return pointer.dereference().cast(pointer.dynamic_type.target())
    except gdb.error:
        return pointer.dereference()


_STATES = {0: "pending", 1: "cancelled", 2: "finished"}


class Task:
    def __init__(self, pointer):
        self.pointer = pointer
        self.id = int(pointer)
        base = pointer.dereference()
        name = _owned_string(base["Name"])
        self.name = name or "Task-%d" % int(base["Number"])
        self.state = _STATES.get(int(base["St"]), "?")

    def frames(self):
        """(function, file, line) of each frame, innermost first."""
        try:
            task = _dynamic(self.pointer)
            frame = task["Root"]["F"]
        except gdb.error:
            return []
        out = []
        while int(frame):
            value = _dynamic(frame)
            where = _where(value)
            if _sleeping(value):
                # A generated frame, then the sleep it waits in; the
                # runtime's own sleep frame is the sleep.
                if where[1] != "<cosm>":
                    out.append(where)
                out.append(("sleep", "<cosm>", 0))
                break
            out.append(where)
            frame = _child(value)
        out.reverse()
        return out

    def awaiters(self):
        return _awaiters(self.pointer)


def _type_name(type_):
    """A type's C++ name (str() of a type follows the current language: a
    stop in C code would give `struct cosm::Loop`)."""
    type_ = type_.strip_typedefs()
    return type_.tag or type_.name or str(type_)


def _fields(value):
    return [f for f in value.type.strip_typedefs().fields()]


def _function_name(type_name):
    """The async function of a generated frame type: `leaf_frame` -> leaf."""
    name = re.sub(r"<.*>$", "", type_name)
    match = re.match(r"^(.*)_frame(_\d+)?$", name)
    return match.group(1) if match else name


def _where(frame):
    """(function, file, line) of a frame value of its dynamic type."""
    type_name = _type_name(frame.type)
    state = int(frame["state"])
    for field in _fields(frame):
        if field.is_base_class or not _type_name(field.type).startswith(
            "cosm::FrameLines<"
        ):
            continue
        try:
            table = frame[field.name]
            lines = table["line"]
            size = lines.type.strip_typedefs().range()[1] + 1
            line = int(lines[state]) if 0 <= state < size else 0
            return (_function_name(type_name), table["file"].string(), line)
        except gdb.error:
            return (_function_name(type_name), "?", 0)
    return (type_name, "<cosm>", 0)


# SleepAwaiter::Phase: Yielded (a bare yield) and Waiting (its timer armed)
# are the phases a frame is suspended in.
_SLEEP_WAITING = (2, 4)


def _sleeping(frame):
    """Whether `frame` waits in a cosm::sleep of its own (a SleepAwaiter
    member, in the frame: there is no child frame to follow)."""
    for field in _fields(frame):
        if field.is_base_class or not hasattr(field, "bitpos"):
            continue
        if _type_name(field.type) != "cosm::SleepAwaiter":
            continue
        try:
            if int(frame[field.name]["At"]) in _SLEEP_WAITING:
                return True
        except gdb.error:
            pass
    return False


def _child(frame):
    """The frame of the coroutine `frame` awaits inline, or a null pointer."""
    for field in _fields(frame):
        if field.is_base_class or not hasattr(field, "bitpos"):
            continue
        if not _type_name(field.type).startswith("cosm::Coro<"):
            continue
        pointer = frame[field.name]["F"]
        if int(pointer) and bool(pointer.dereference()["started"]):
            return pointer
    return gdb.Value(0)


def _awaiters(future):
    """The tasks waiting for a future (a FutureBase pointer)."""
    base = future.dereference()
    out = []
    first = _pointee(base["FirstAwaiter"])
    if int(first):
        out.append(first)
    more = _unique_ptr(base["MoreAwaiters"])
    if int(more):
        out.extend(_pointee(ref) for ref in _vector(more.dereference()))
    task_type = gdb.lookup_type("cosm::detail::TaskBase").pointer()
    return [Task(pointer.cast(task_type)) for pointer in out]


def _loops():
    """Every live loop of the process (the runtime's global cosm_loops)."""
    try:
        # Typed here, not in an expression: the frame gdb stopped in may be
        # C code, and the runtime may have no debug information.
        loop_type = gdb.lookup_type("cosm::Loop").pointer()
        address = gdb.parse_and_eval("&cosm_loops")
        loop = address.cast(loop_type.pointer()).dereference()
    except gdb.error:
        raise gdb.GdbError("no cosm runtime in this program (cosm_loops)")
    loops = []
    while int(loop):
        loops.append(loop)
        loop = loop.dereference()["NextLoop"]
    loops.reverse()
    return loops


def _tasks():
    tasks = []
    for loop in _loops():
        task = loop.dereference()["TasksHead"]
        while int(task):
            tasks.append(Task(task))
            task = task.dereference()["NextInLoop"]
    return tasks


def _repr(text):
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _render(task, level, out, path):
    indent = "    " * level
    out.append("%s* Task(name=%s, id=%#x)" % (indent, _repr(task.name), task.id))
    frames = task.frames()
    if frames:
        out.append(indent + "  + Call stack:")
        for function, file, line in frames:
            out.append(
                "%s  |   File %s, line %d, in async %s()"
                % (indent, _repr(file), line, function)
            )
    awaiters = [a for a in task.awaiters() if a.id not in path]
    if awaiters:
        out.append(indent + "  + Awaited by:")
        for parent in awaiters:
            _render(parent, level + 1, out, path + [task.id])


class CosmCommand(gdb.Command):
    """Commands for cosm programs: `cosm tasks`, `cosm graph [TASK]`."""

    def __init__(self):
        super().__init__("cosm", gdb.COMMAND_DATA, gdb.COMPLETE_NONE, True)


class CosmTasks(gdb.Command):
    """List the tasks of the running cosm loop(s) and where each waits.

Reads the process (or core file) only; calls nothing in it."""

    def __init__(self):
        super().__init__("cosm tasks", gdb.COMMAND_DATA)

    def invoke(self, argument, from_tty):
        tasks = _tasks()
        if not tasks:
            print("no cosm task")
            return
        for task in tasks:
            frames = task.frames()
            where = " <- ".join(
                "%s() at %s:%d" % (function, file, line)
                for function, file, line in frames
            )
            waiting = ", ".join(a.name for a in task.awaiters())
            print(
                "%#x %s %s%s%s"
                % (
                    task.id,
                    _repr(task.name),
                    task.state,
                    ": " + where if where else "",
                    " (awaited by " + waiting + ")" if waiting else "",
                )
            )


class CosmGraph(gdb.Command):
    """Print the call graph of a cosm task: cosm graph [TASK-ID-OR-NAME].

Without an argument, the graph of every task no other task waits for.
The shape is cosm::format_call_graph()'s (asyncio 3.14's)."""

    def __init__(self):
        super().__init__("cosm graph", gdb.COMMAND_DATA)

    def invoke(self, argument, from_tty):
        tasks = _tasks()
        wanted = argument.strip()
        if wanted:
            chosen = [
                t
                for t in tasks
                if t.name == wanted or wanted.startswith("0x") and t.id == int(wanted, 16)
            ]
            if not chosen:
                raise gdb.GdbError("no task %s" % wanted)
        else:
            awaiting = {a.id for t in tasks for a in t.awaiters()}
            chosen = [t for t in tasks if t.id not in awaiting]
        for task in chosen:
            out = []
            _render(task, 0, out, [])
            print("\n".join(out))


CosmCommand()
CosmTasks()
CosmGraph()
