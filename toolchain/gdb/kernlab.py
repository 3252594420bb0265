# gdb commands for kernlab, in the manner of Linux's scripts/gdb (lx-symbols,
# lx-dmesg, lx-ps, lx-lsmod). Loaded by toolchain/kernlab.gdb; `help kl-symbols`.
#
#   kl-symbols [DIR...]  add-symbol-file for every loaded module (.ko found in
#                        DIRs, `kernlab-module-path`, the build's modules/ and
#                        the repo's work/ folder), and again at every insmod
#   kl-lsmod             the module list with each module's .text address
#   kl-dmesg             the printk log buffer
#   kl-ps                the task list
#
# They read the kernel's own data through gdb.Value: `modules` and each
# module's sect_attrs (kernel/module/internal.h), the LogBuffer of
# kernel/printk/printk.cpp and all_tasks of kernel/sched/core.cpp.

import os
import struct

import gdb

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class ModulePath(gdb.Parameter):
    """Folders searched (first) for a loaded module's .ko, separated by ':'."""

    set_doc = "Set the folders kl-symbols searches for .ko files (':'-separated)."
    show_doc = "Show the folders kl-symbols searches for .ko files."

    def __init__(self):
        super().__init__("kernlab-module-path", gdb.COMMAND_DATA, gdb.PARAM_STRING)
        self.value = ""

    def get_show_string(self, svalue):
        return f"kl-symbols searches {svalue or '(no extra folders)'} before the build's modules"


module_path = ModulePath()


def read_string(value):
    return value.string(errors="replace")


def module_list():
    """The loaded modules, newest first, as gdb.Values of type module*."""
    mod = gdb.parse_and_eval("modules")
    while int(mod) != 0:
        yield mod
        mod = mod["next"]


def module_sections(mod, with_sizes=False):
    """{section name: address} (or (address, size)) from mod->sect_attrs."""
    attrs = mod["sect_attrs"]
    if int(attrs) == 0:
        return {}
    sections = {}
    for i in range(int(attrs["nsections"])):
        attr = attrs["attrs"][i]
        address = int(attr["address"])
        sections[read_string(attr["name"])] = (address, int(attr["size"])) if with_sizes else address
    return sections


def ko_section_sizes(path):
    """{section name: size} of the SHF_ALLOC sections of an ELF32 .ko, or None."""
    try:
        with open(path, "rb") as file:
            image = file.read()
        if image[:5] != b"\x7fELF\x01":
            return None
        shoff, = struct.unpack_from("<I", image, 0x20)
        shentsize, shnum, shstrndx = struct.unpack_from("<HHH", image, 0x2E)
        headers = [struct.unpack_from("<IIIIII", image, shoff + i * shentsize) for i in range(shnum)]
        names_offset = headers[shstrndx][4]
        sizes = {}
        for name, _type, flags, _addr, _offset, size in headers:
            if flags & 2 and size:     # SHF_ALLOC, as the loader records them
                end = image.index(b"\0", names_offset + name)
                section = image[names_offset + name:end].decode()
                if section not in (".modinfo", "__versions"):   # read from the file, never loaded (as Linux)
                    sizes[section] = size
        return sizes
    except (OSError, struct.error, ValueError, IndexError):
        return None


def kernel_build_dir():
    """The folder of kernel.elf (the build folder: modules/ is next to it)."""
    filename = gdb.current_progspace().filename
    return os.path.dirname(os.path.abspath(filename)) if filename else None


class Symbols(gdb.Command):
    """Load the symbols of every loaded module: kl-symbols [DIR...]

Reads the kernel's module list, finds each module's .ko (in the DIRs given,
then `set kernlab-module-path A:B`, the repo's work/ folder, and the build's
modules/ and modules-build/ folders) and runs add-symbol-file with the address
of each of its sections. A breakpoint on do_init_module (which the loader calls
before a module's init runs) repeats this at every later insmod, so
`break hello_init` works before the module is loaded (say yes to the pending
breakpoint, or `set breakpoint pending on`)."""

    def __init__(self):
        super().__init__("kl-symbols", gdb.COMMAND_FILES, gdb.COMPLETE_FILENAME)
        self.loaded = {}        # module name -> (file, .text address or section tuple)
        self.extra_dirs = []
        self.breakpoint = None

    def search_dirs(self):
        dirs = list(self.extra_dirs)
        dirs += [d for d in str(module_path.value or "").split(":") if d]
        dirs.append(os.path.join(REPO, "work"))
        build = kernel_build_dir()
        if build:
            dirs += [os.path.join(build, "modules"), os.path.join(build, "modules-build"),
                     os.path.join(build, "target", "modules"), os.path.join(build, "target", "modules-build")]
        return [d for d in dirs if os.path.isdir(d)]

    def find_ko(self, name, sizes):
        """The first NAME.ko whose allocated sections have the loaded module's
        sizes: a student's changed hello.ko in work/ is not the sample's."""
        wanted = {name + ".ko", name.replace("_", "-") + ".ko"}
        for top in self.search_dirs():
            for folder, _, files in sorted(os.walk(top)):
                for candidate in sorted(wanted & set(files)):
                    path = os.path.join(folder, candidate)
                    if ko_section_sizes(path) == sizes:
                        return path
        return None

    def load_module(self, mod):
        name = read_string(mod["name"])
        with_sizes = module_sections(mod, with_sizes=True)
        sections = {section: address for section, (address, _) in with_sizes.items()}
        if not sections:
            gdb.write(f"kl-symbols: {name} has no section list (loaded without memory for it?)\n")
            return
        key = tuple(sorted(sections.items()))
        if self.loaded.get(name, (None, None))[1] == key:
            return          # already loaded at these addresses
        path = self.find_ko(name, {section: size for section, (_, size) in with_sizes.items()})
        if not path:
            gdb.write(f"kl-symbols: no {name}.ko matching the loaded one in {':'.join(self.search_dirs()) or '(no folder)'}; "
                      "`set kernlab-module-path DIR` or `kl-symbols DIR`\n")
            return
        self.unload(name)
        text = sections.get(".text")
        command = f"add-symbol-file {path}" + (f" {text:#x}" if text is not None else "")
        for section, address in sections.items():
            if section != ".text":
                command += f" -s {section} {address:#x}"
        gdb.write(f"kl-symbols: {name} from {path}\n")
        gdb.execute(command, to_string=True)
        self.loaded[name] = (path, key)

    def unload(self, name):
        old = self.loaded.pop(name, None)
        if old:
            try:
                gdb.execute(f"remove-symbol-file {old[0]}", to_string=True)
            except gdb.error:
                pass

    def load_all(self):
        live = set()
        for mod in module_list():
            live.add(read_string(mod["name"]))
            self.load_module(mod)
        for name in list(self.loaded):
            if name not in live:
                self.unload(name)   # rmmod'ed since: its addresses mean something else now

    def invoke(self, argument, from_tty):
        self.extra_dirs = [os.path.abspath(os.path.expanduser(d)) for d in gdb.string_to_argv(argument)]
        try:
            self.load_all()
        except gdb.MemoryError:
            # Halted before the kernel turned on paging (QEMU -S): nothing loaded yet.
            gdb.write("kl-symbols: the kernel is not running yet\n")
        if self.breakpoint is None or not self.breakpoint.is_valid():
            self.breakpoint = LoadModuleBreakpoint(self)
            gdb.write("kl-symbols: following insmod (breakpoint on do_init_module)\n")


class LoadModuleBreakpoint(gdb.Breakpoint):
    """Stops in do_init_module only long enough to load the new module's symbols."""

    def __init__(self, symbols):
        super().__init__("do_init_module", internal=True)
        self.symbols = symbols

    def stop(self):
        self.symbols.load_all()
        return False    # and go on: the user's own breakpoints (hello_init) stop it


class Lsmod(gdb.Command):
    """List the loaded modules: name, .text address, size, state."""

    def __init__(self):
        super().__init__("kl-lsmod", gdb.COMMAND_DATA)

    def invoke(self, argument, from_tty):
        gdb.write(f"{'Address':10} {'Module':20} {'Size':>7}  State\n")
        for mod in module_list():
            sections = module_sections(mod)
            text = sections.get(".text", int(mod["core"]))
            state = str(mod["state"]).replace("MODULE_STATE_", "").lower()
            gdb.write(f"{text:#010x} {read_string(mod['name']):20} {int(mod['core_size']):7}  {state}\n")


# The printk ring buffer's record header (libk/log_buffer.cpp, RecordHeader).
RECORD_HEADER = struct.Struct("<QQHBBI")


class Dmesg(gdb.Command):
    """Print the kernel log buffer, as dmesg does."""

    def __init__(self):
        super().__init__("kl-dmesg", gdb.COMMAND_DATA)

    def invoke(self, argument, from_tty):
        log = gdb.parse_and_eval("'(anonymous namespace)::log_buffer'")
        inferior = gdb.selected_inferior()
        descs = int(log["m_descs"])
        count = int(log["m_desc_count"])
        data = int(log["m_data"])
        lines = []
        for seq in range(int(log["m_first_seq"]), int(log["m_next_seq"])):
            offset = struct.unpack("<I", bytes(inferior.read_memory(descs + 4 * (seq & (count - 1)), 4)))[0]
            header = bytes(inferior.read_memory(data + offset, RECORD_HEADER.size))
            record_seq, timestamp, length, level, flags, size = RECORD_HEADER.unpack(header)
            if record_seq != seq:
                continue
            text = bytes(inferior.read_memory(data + offset + RECORD_HEADER.size, length)).decode("utf-8", "replace")
            seconds, nanoseconds = divmod(timestamp, 1000000000)
            lines.append(f"[{seconds:5d}.{nanoseconds // 1000:06d}] {text}\n")
        gdb.write("".join(lines))


class Ps(gdb.Command):
    """List the tasks: address, pid, tgid, parent's pid, state, name."""

    def __init__(self):
        super().__init__("kl-ps", gdb.COMMAND_DATA)

    def invoke(self, argument, from_tty):
        task_type = gdb.lookup_type("Task")
        node_offset = task_type["task_node"].bitpos // 8
        tasks = gdb.parse_and_eval("'(anonymous namespace)::all_tasks'")
        sentinel = tasks["m_sentinel"].address
        node = tasks["m_sentinel"]["next"]
        gdb.write(f"{'Task':10} {'PID':>5} {'TGID':>5} {'PPID':>5} {'State':15} Comm\n")
        while int(node) != 0 and int(node) != int(sentinel):
            task = gdb.Value(int(node) - node_offset).cast(task_type.pointer())
            parent = task["parent"]
            ppid = int(parent["pid"]) if int(parent) else 0
            state = str(task["state"]).split("::")[-1]
            gdb.write(f"{int(task):#010x} {int(task['pid']):5} {int(task['tgid']):5} {ppid:5} {state:15} "
                      f"{read_string(task['comm'])}\n")
            node = node["next"]


Symbols()
Lsmod()
Dmesg()
Ps()
