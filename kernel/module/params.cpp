// Module parameters: the set/get operations for each type module_param knows,
// and applying "name=value" lists from insmod and the kernel command line.
#include "internal.h"
#include <kernel/mm.h>
#include <libk/cmdline.h>
#include <libk/format.h>
#include <libk/string.h>
#include <linux/errno.h>
#include <linux/printk.h>

namespace {

template<typename T, bool is_signed>
int set_number(const char* value, const kernel_param* kp, T minimum, T maximum)
{
    if (!value || !*value)
        return -EINVAL;
    char* end;
    long long number = is_signed ? libk::strtoll(value, &end, 0) : static_cast<long long>(libk::strtoull(value, &end, 0));
    if (*end == '\n')
        ++end;
    if (*end != '\0')
        return -EINVAL;
    if (is_signed ? (number < static_cast<long long>(minimum) || number > static_cast<long long>(maximum))
                  : (static_cast<unsigned long long>(number) > static_cast<unsigned long long>(maximum)))
        return -ERANGE;
    *static_cast<T*>(kp->arg) = static_cast<T>(number);
    return 0;
}

template<typename T>
int get_number(char* buffer, const kernel_param* kp, const char* format)
{
    return libk::scnprintf(buffer, 4096, format, *static_cast<T*>(kp->arg));
}

// Linux's kstrtobool: y/Y/1/on true, n/N/0/off false; no value means true.
int parse_bool(const char* value, bool& out)
{
    if (!value || !*value) {
        out = true;
        return 0;
    }
    switch (value[0]) {
    case 'y': case 'Y': case '1':
        out = true;
        return 0;
    case 'n': case 'N': case '0':
        out = false;
        return 0;
    case 'o': case 'O':
        if (value[1] == 'n' || value[1] == 'N') {
            out = true;
            return 0;
        }
        if (value[1] == 'f' || value[1] == 'F') {
            out = false;
            return 0;
        }
        break;
    }
    return -EINVAL;
}

} // namespace

extern "C" {

#define STANDARD_PARAM_OPS(name, type, is_signed, minimum, maximum, format)                                          \
    static int param_set_##name(const char* value, const kernel_param* kp)                                       \
    {                                                                                                            \
        return set_number<type, is_signed>(value, kp, minimum, maximum);                                         \
    }                                                                                                            \
    static int param_get_##name(char* buffer, const kernel_param* kp) { return get_number<type>(buffer, kp, format); } \
    const kernel_param_ops param_ops_##name = { 0, param_set_##name, param_get_##name, nullptr };                \
    EXPORT_SYMBOL(param_ops_##name);

STANDARD_PARAM_OPS(byte, unsigned char, false, 0, 255, "%hhu\n")
STANDARD_PARAM_OPS(short, short, true, -32768, 32767, "%hd\n")
STANDARD_PARAM_OPS(ushort, unsigned short, false, 0, 65535, "%hu\n")
STANDARD_PARAM_OPS(int, int, true, -2147483647 - 1, 2147483647, "%d\n")
STANDARD_PARAM_OPS(uint, unsigned int, false, 0, 4294967295u, "%u\n")
STANDARD_PARAM_OPS(long, long, true, -2147483647L - 1, 2147483647L, "%ld\n")
STANDARD_PARAM_OPS(ulong, unsigned long, false, 0, 4294967295ul, "%lu\n")

static int param_set_charp(const char* value, const kernel_param* kp)
{
    size_t length = libk::strlen(value ? value : "");
    if (length > 1024)
        return -ENOSPC;
    char* copy = static_cast<char*>(kmalloc(length + 1, GFP_KERNEL));
    if (!copy)
        return -ENOMEM;
    libk::memcpy(copy, value ? value : "", length + 1);
    // The old value may be the module's own string literal: only ours are freed.
    *static_cast<char**>(kp->arg) = copy;
    return 0;
}
static int param_get_charp(char* buffer, const kernel_param* kp)
{
    const char* value = *static_cast<char**>(kp->arg);
    return libk::scnprintf(buffer, 4096, "%s\n", value ? value : "(null)");
}
static void param_free_charp(void* arg)
{
    kfree(*static_cast<char**>(arg));
    *static_cast<char**>(arg) = nullptr;
}
const kernel_param_ops param_ops_charp = { 0, param_set_charp, param_get_charp, param_free_charp };
EXPORT_SYMBOL(param_ops_charp);

static int param_set_bool(const char* value, const kernel_param* kp)
{
    bool result;
    int error = parse_bool(value, result);
    if (!error)
        *static_cast<bool*>(kp->arg) = result;
    return error;
}
static int param_get_bool(char* buffer, const kernel_param* kp)
{
    return libk::scnprintf(buffer, 4096, "%c\n", *static_cast<bool*>(kp->arg) ? 'Y' : 'N');
}
const kernel_param_ops param_ops_bool = { 0, param_set_bool, param_get_bool, nullptr };
EXPORT_SYMBOL(param_ops_bool);

static int param_set_invbool(const char* value, const kernel_param* kp)
{
    bool result;
    int error = parse_bool(value, result);
    if (!error)
        *static_cast<bool*>(kp->arg) = !result;
    return error;
}
static int param_get_invbool(char* buffer, const kernel_param* kp)
{
    return libk::scnprintf(buffer, 4096, "%c\n", *static_cast<bool*>(kp->arg) ? 'N' : 'Y');
}
const kernel_param_ops param_ops_invbool = { 0, param_set_invbool, param_get_invbool, nullptr };
EXPORT_SYMBOL(param_ops_invbool);

// module_param_string: copied into the module's own buffer, cut to its size.
static int param_set_copystring(const char* value, const kernel_param* kp)
{
    const kparam_string* string = kp->str;
    if (libk::strlen(value ? value : "") + 1 > string->maxlen)
        return -ENOSPC;
    libk::strlcpy(string->string, value ? value : "", string->maxlen);
    return 0;
}
static int param_get_string(char* buffer, const kernel_param* kp)
{
    return libk::scnprintf(buffer, 4096, "%s\n", kp->str->string);
}
const kernel_param_ops param_ops_string = { 0, param_set_copystring, param_get_string, nullptr };
EXPORT_SYMBOL(param_ops_string);

// module_param_array: "1,2,3" into consecutive elements; *num gets the count.
static int param_array_set(const char* value, const kernel_param* kp)
{
    const kparam_array* array = kp->arr;
    char element[128];
    unsigned count = 0;
    const char* cursor = value ? value : "";
    while (*cursor) {
        if (count == array->max)
            return -EINVAL;
        size_t length = 0;
        while (cursor[length] && cursor[length] != ',')
            ++length;
        if (length >= sizeof(element))
            return -ENOSPC;
        libk::memcpy(element, cursor, length);
        element[length] = '\0';
        kernel_param one = { kp->name, kp->mod, array->ops, kp->perm, kp->level, kp->flags,
            { static_cast<char*>(array->elem) + array->elemsize * count } };
        int error = array->ops->set(element, &one);
        if (error)
            return error;
        ++count;
        cursor += length;
        if (*cursor == ',')
            ++cursor;
    }
    if (array->num)
        *array->num = count;
    return 0;
}
// "1,2,3\n": each element's get ends in a newline, replaced by the comma (as Linux).
static int param_array_get(char* buffer, const kernel_param* kp)
{
    const kparam_array* array = kp->arr;
    unsigned count = array->num ? *array->num : array->max;
    int length = 0;
    for (unsigned i = 0; i < count && length < 3900; ++i) {
        kernel_param one = { kp->name, kp->mod, array->ops, kp->perm, kp->level, kp->flags,
            { static_cast<char*>(array->elem) + array->elemsize * i } };
        if (i)
            buffer[length - 1] = ',';
        length += array->ops->get(buffer + length, &one);
    }
    buffer[length] = '\0';
    return length;
}
const kernel_param_ops param_array_ops = { 0, param_array_set, param_array_get, nullptr };
EXPORT_SYMBOL(param_array_ops);

} // extern "C"

int apply_module_params(module* mod, const char* args)
{
    if (!args || !*args)
        return 0;
    static libk::Cmdline parsed;   // the loader runs under its mutex
    parsed.parse(args, libk::strlen(args));
    char value[1025];
    for (size_t i = 0; i < parsed.count(); ++i) {
        const libk::CmdlineParam& param = parsed[i];
        kernel_param* match = nullptr;
        for (unsigned k = 0; k < mod->num_kp; ++k)
            if (libk::cmdline_key_equal(param.key, mod->kp[k].name))
                match = &mod->kp[k];
        char name[64];
        param.key.copy_to(name, sizeof(name));
        if (!match) {
            pr_warn("%s: unknown parameter '%s' ignored\n", mod->name, name);
            continue;
        }
        param.value.copy_to(value, sizeof(value));
        int error = match->ops->set(param.has_value ? value : nullptr, match);
        if (error) {
            pr_err("%s: '%s' invalid for parameter `%s'\n", mod->name, value, name);
            return error;
        }
    }
    return 0;
}
