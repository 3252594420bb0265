// /sys/module/NAME for each loaded module (Linux's kernel/module/sysfs.c and
// the parameter half of kernel/params.c): initstate, refcnt, coresize, taint,
// and parameters/PARAM for each module_param whose permission is not 0: its
// mode is that permission, reading calls the type's get, writing its set.
#include "internal.h"
#include <kernel/initcall.h>
#include <kernel/mm.h>
#include <libk/format.h>
#include <libk/string.h>
#include <linux/kernel.h>
#include <linux/kobject.h>

namespace {

struct module_kobject;

// An attribute of /sys/module/NAME (Linux's struct module_attribute).
struct module_attribute {
    attribute attr;
    ssize_t (*show)(module_attribute* mattr, module_kobject* mk, char* buf);
    ssize_t (*store)(module_attribute* mattr, module_kobject* mk, const char* buf, size_t count);
};

// One file of parameters/ (Linux's struct param_attribute).
struct param_attribute {
    module_attribute mattr;
    const kernel_param* param;
};

// The module's kobject, its parameter files, and the list of them.
struct module_kobject {
    kobject kobj;
    module* mod;
    module_kobject* next;
    attribute_group params_group;
    unsigned num_params;
    param_attribute* params;    // num_params of them, after this struct
    attribute** param_attrs;    // NULL-terminated, after them
};

constinit kset* module_kset = nullptr;
constinit module_kobject* module_kobjects = nullptr;   // under the module mutex

module_kobject* to_module_kobject(kobject* kobj)
{
    return container_of(kobj, module_kobject, kobj);
}

ssize_t module_attr_show(kobject* kobj, attribute* attr, char* buf)
{
    auto* mattr = container_of(attr, module_attribute, attr);
    return mattr->show ? mattr->show(mattr, to_module_kobject(kobj), buf) : -EIO;
}

ssize_t module_attr_store(kobject* kobj, attribute* attr, const char* buf, size_t count)
{
    auto* mattr = container_of(attr, module_attribute, attr);
    return mattr->store ? mattr->store(mattr, to_module_kobject(kobj), buf, count) : -EIO;
}

const sysfs_ops module_sysfs_ops = {
    .show = module_attr_show,
    .store = module_attr_store,
};

void module_kobj_release(kobject* kobj)
{
    kfree(to_module_kobject(kobj));
}

const kobj_type module_ktype = {
    .release = module_kobj_release,
    .sysfs_ops = &module_sysfs_ops,
    .default_groups = nullptr,
};

// ---- /sys/module/NAME/{initstate,refcnt,coresize,taint} ----

ssize_t show_initstate(module_attribute*, module_kobject* mk, char* buf)
{
    const char* state = "unknown";
    switch (mk->mod->state) {
    case MODULE_STATE_LIVE: state = "live"; break;
    case MODULE_STATE_COMING: state = "coming"; break;
    case MODULE_STATE_GOING: state = "going"; break;
    default: break;
    }
    return sysfs_emit(buf, "%s\n", state);
}

ssize_t show_refcnt(module_attribute*, module_kobject* mk, char* buf)
{
    return sysfs_emit(buf, "%d\n", module_refcount(mk->mod));
}

ssize_t show_coresize(module_attribute*, module_kobject* mk, char* buf)
{
    return sysfs_emit(buf, "%u\n", mk->mod->core_size);
}

// The taint letters as /proc/modules shows them: P for a proprietary licence.
ssize_t show_taint(module_attribute*, module_kobject* mk, char* buf)
{
    return sysfs_emit(buf, "%s\n", (mk->mod->taints & 1) ? "P" : "");
}

module_attribute modinfo_initstate = { { "initstate", 0444 }, show_initstate, nullptr };
module_attribute modinfo_refcnt = { { "refcnt", 0444 }, show_refcnt, nullptr };
module_attribute modinfo_coresize = { { "coresize", 0444 }, show_coresize, nullptr };
module_attribute modinfo_taint = { { "taint", 0444 }, show_taint, nullptr };

attribute* module_attrs[] = { &modinfo_initstate.attr, &modinfo_refcnt.attr, &modinfo_coresize.attr,
    &modinfo_taint.attr, nullptr };
const attribute_group module_group = { nullptr, nullptr, module_attrs };

// ---- parameters/ ----

ssize_t param_attr_show(module_attribute* mattr, module_kobject*, char* buf)
{
    const kernel_param* param = container_of(mattr, param_attribute, mattr)->param;
    if (!param->ops->get)
        return -EPERM;
    return param->ops->get(buf, param);
}

ssize_t param_attr_store(module_attribute* mattr, module_kobject*, const char* buf, size_t count)
{
    const kernel_param* param = container_of(mattr, param_attribute, mattr)->param;
    if (!param->ops->set)
        return -EPERM;
    int error = param->ops->set(buf, param);
    return error ? error : static_cast<ssize_t>(count);
}

unsigned visible_params(const module* mod)
{
    unsigned count = 0;
    for (unsigned i = 0; i < mod->num_kp; ++i)
        if (mod->kp[i].perm)
            ++count;
    return count;
}

// The module's kobject with room for its parameter attributes behind it.
module_kobject* alloc_module_kobject(module* mod)
{
    unsigned count = visible_params(mod);
    size_t size = sizeof(module_kobject) + count * sizeof(param_attribute) + (count + 1) * sizeof(attribute*);
    auto* mk = static_cast<module_kobject*>(kzalloc(size, GFP_KERNEL));
    if (!mk)
        return nullptr;
    mk->mod = mod;
    mk->num_params = count;
    mk->params = reinterpret_cast<param_attribute*>(mk + 1);
    mk->param_attrs = reinterpret_cast<attribute**>(mk->params + count);
    unsigned n = 0;
    for (unsigned i = 0; i < mod->num_kp; ++i) {
        const kernel_param* param = &mod->kp[i];
        if (!param->perm)
            continue;
        param_attribute& pattr = mk->params[n];
        pattr.param = param;
        pattr.mattr.attr.name = param->name;
        pattr.mattr.attr.mode = param->perm;
        pattr.mattr.show = param_attr_show;
        pattr.mattr.store = param_attr_store;
        mk->param_attrs[n++] = &pattr.mattr.attr;
    }
    mk->params_group.name = "parameters";
    mk->params_group.attrs = mk->param_attrs;
    return mk;
}

int param_sysfs_init()
{
    module_kset = kset_create_and_add("module", nullptr, nullptr);
    return module_kset ? 0 : -ENOMEM;
}
subsys_initcall(param_sysfs_init);

} // namespace

int mod_sysfs_setup(module* mod)
{
    if (!module_kset)
        return -ENOMEM;
    module_kobject* mk = alloc_module_kobject(mod);
    if (!mk)
        return -ENOMEM;
    mk->kobj.kset = module_kset;
    int error = kobject_init_and_add(&mk->kobj, &module_ktype, nullptr, "%s", mod->name);
    if (!error)
        error = sysfs_create_group(&mk->kobj, &module_group);
    if (!error && mk->num_params)
        error = sysfs_create_group(&mk->kobj, &mk->params_group);
    if (error) {
        pr_err("%s: module_add_modinfo_attrs failed: %d\n", mod->name, error);
        kobject_put(&mk->kobj);
        return error;
    }
    mk->next = module_kobjects;
    module_kobjects = mk;
    return 0;
}

void mod_sysfs_teardown(module* mod)
{
    for (module_kobject** link = &module_kobjects; *link; link = &(*link)->next) {
        module_kobject* mk = *link;
        if (mk->mod == mod) {
            *link = mk->next;
            kobject_put(&mk->kobj);   // waits for readers of its files, then frees it
            return;
        }
    }
}
