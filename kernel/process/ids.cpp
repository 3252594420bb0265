// Process identity: pids, process groups and sessions, user and group ids.
#include <arch/x86.h>
#include <kernel/sched.h>
#include <kernel/tty.h>
#include <kernel/uaccess.h>
#include <libk/string.h>
#include <linux/errno.h>

extern "C" long sys_getpid() { return current->tgid; }
extern "C" long sys_gettid() { return current->pid; }
extern "C" long sys_getppid()
{
    const Task* leader = current->group_leader;
    return leader->parent ? leader->parent->tgid : 0;   // the parent process, for every thread
}
extern "C" long sys_getpgrp() { return current->pgid; }

extern "C" long sys_getpgid(pid_t pid)
{
    Task* task = pid ? find_task_by_pid(pid) : current;
    return task ? task->pgid : -ESRCH;
}

extern "C" long sys_getsid(pid_t pid)
{
    Task* task = pid ? find_task_by_pid(pid) : current;
    return task ? task->sid : -ESRCH;
}

namespace {

// The process group and session belong to the process: every thread gets them.
void set_process_ids(Task* task, pid_t pgid, pid_t sid, bool drop_tty)
{
    auto apply = [&](Task& each) {
        each.pgid = pgid;
        each.sid = sid;
    };
    uint32_t flags = arch::local_irq_save();   // the thread list may change under us otherwise
    if (task->signal) {
        for (Task& thread : task->signal->threads)
            apply(thread);
    }
    apply(*task->group_leader);   // also a leader that already exited
    if (drop_tty)
        set_task_tty(task, tty_index_none);
    arch::local_irq_restore(flags);
}

} // namespace

extern "C" long sys_setpgid(pid_t pid, pid_t pgid)
{
    Task* task = pid ? find_task_by_pid(pid) : current;
    if (task)
        task = task->group_leader;
    const Task* me = current->group_leader;
    if (!task || (task != me && task->parent != me))
        return -ESRCH;
    if (pgid < 0)
        return -EINVAL;
    if (task->sid != current->sid || task->tgid == task->sid)
        return -EPERM;   // other session, or a session leader
    set_process_ids(task, pgid ? pgid : task->tgid, task->sid, false);
    return 0;
}

extern "C" long sys_setsid()
{
    if (current->pgid == current->tgid)
        return -EPERM;   // already a group leader
    // A new session has no controlling terminal yet.
    set_process_ids(current, current->tgid, current->tgid, true);
    return current->sid;
}

extern "C" long sys_getuid() { return current->cred.uid; }
extern "C" long sys_geteuid() { return current->cred.euid; }
extern "C" long sys_getgid() { return current->cred.gid; }
extern "C" long sys_getegid() { return current->cred.egid; }

// The 16-bit calls of old binaries: ids above 65535 show as the overflow id.
namespace {
long to_old_id(unsigned id) { return id > 0xFFFF ? 65534 : static_cast<long>(id); }
}
extern "C" long sys_getuid16() { return to_old_id(current->cred.uid); }
extern "C" long sys_geteuid16() { return to_old_id(current->cred.euid); }
extern "C" long sys_getgid16() { return to_old_id(current->cred.gid); }
extern "C" long sys_getegid16() { return to_old_id(current->cred.egid); }

// POSIX setuid: root sets all ids; others may only switch the effective id
// between their real and saved ids.
extern "C" long sys_setuid(uid_t uid)
{
    Credentials& cred = current->cred;
    if (cred.euid == 0) {
        cred.uid = cred.euid = cred.suid = cred.fsuid = uid;
        return 0;
    }
    if (uid != cred.uid && uid != cred.suid)
        return -EPERM;
    cred.euid = cred.fsuid = uid;
    return 0;
}

extern "C" long sys_setgid(gid_t gid)
{
    Credentials& cred = current->cred;
    if (cred.euid == 0) {
        cred.gid = cred.egid = cred.sgid = cred.fsgid = gid;
        return 0;
    }
    if (gid != cred.gid && gid != cred.sgid)
        return -EPERM;
    cred.egid = cred.fsgid = gid;
    return 0;
}

extern "C" long sys_setuid16(unsigned short uid) { return sys_setuid(uid == 0xFFFF ? static_cast<uid_t>(-1) : uid); }
extern "C" long sys_setgid16(unsigned short gid) { return sys_setgid(gid == 0xFFFF ? static_cast<gid_t>(-1) : gid); }

extern "C" long sys_getresuid(uid_t __user* ruid, uid_t __user* euid, uid_t __user* suid)
{
    const Credentials& cred = current->cred;
    if (put_user_value(cred.uid, ruid) || put_user_value(cred.euid, euid) || put_user_value(cred.suid, suid))
        return -EFAULT;
    return 0;
}

extern "C" long sys_getresgid(gid_t __user* rgid, gid_t __user* egid, gid_t __user* sgid)
{
    const Credentials& cred = current->cred;
    if (put_user_value(cred.gid, rgid) || put_user_value(cred.egid, egid) || put_user_value(cred.sgid, sgid))
        return -EFAULT;
    return 0;
}

// Supplementary groups: size 0 asks for the count.
extern "C" long sys_getgroups(int size, gid_t __user* list)
{
    const GroupList& groups = current->groups;
    if (size < 0)
        return -EINVAL;
    if (size == 0)
        return groups.count;
    if (size < groups.count)
        return -EINVAL;
    if (copy_to_user(list, groups.gids, sizeof(gid_t) * groups.count))
        return -EFAULT;
    return groups.count;
}

// Only root sets them (CAP_SETGID): login and su call it through initgroups.
extern "C" long sys_setgroups(int size, const gid_t __user* list)
{
    if (current->cred.euid != 0)
        return -EPERM;
    if (size < 0 || size > ngroups_max)
        return -EINVAL;
    gid_t gids[ngroups_max];
    if (size && copy_from_user(gids, list, sizeof(gid_t) * size))
        return -EFAULT;
    libk::memcpy(current->groups.gids, gids, sizeof(gid_t) * size);
    current->groups.count = size;
    return 0;
}
