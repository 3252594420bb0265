// The export table entries for kernel functions defined elsewhere, so modules
// can link against them: memory, user copies, IRQs, char devices and the VFS
// helpers drivers use, the C string functions, printk. (kernel/kapi's own
// functions carry EXPORT_SYMBOL next to their definitions.)
#include <kernel/irq.h>
#include <kernel/mm.h>
#include <kernel/random.h>
#include <kernel/uaccess.h>
#include <linux/cdev.h>
#include <linux/export.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/string.h>

// sys_hello (kernel/sys/hello.cpp) is reachable from modules too, as the
// course's system-call exercise shows.
extern "C" long sys_hello(void);

// printk
EXPORT_SYMBOL(printk);
EXPORT_SYMBOL(vprintk);

// Memory
EXPORT_SYMBOL(kmalloc);
EXPORT_SYMBOL(kzalloc);
EXPORT_SYMBOL(krealloc);
EXPORT_SYMBOL(kfree);
EXPORT_SYMBOL(ksize);
EXPORT_SYMBOL(vmalloc);
EXPORT_SYMBOL(vzalloc);
EXPORT_SYMBOL(vfree);
EXPORT_SYMBOL(remap_pfn_range);

// User memory
EXPORT_SYMBOL(copy_from_user);
EXPORT_SYMBOL(copy_to_user);
EXPORT_SYMBOL(clear_user);
EXPORT_SYMBOL(strncpy_from_user);
EXPORT_SYMBOL(strnlen_user);
EXPORT_SYMBOL(access_ok);

// Interrupts
EXPORT_SYMBOL(request_irq);
EXPORT_SYMBOL(request_irq_with_regs);
EXPORT_SYMBOL(free_irq);
EXPORT_SYMBOL(disable_irq);
EXPORT_SYMBOL(enable_irq);

// Random numbers (a C++ function with the C declaration's types)
static_assert(__is_same(decltype(&get_random_bytes), void (*)(void*, size_t)));
EXPORT_SYMBOL(get_random_bytes);

// Char devices
EXPORT_SYMBOL(register_chrdev);
EXPORT_SYMBOL(unregister_chrdev);
EXPORT_SYMBOL(alloc_chrdev_region);
EXPORT_SYMBOL(register_chrdev_region);
EXPORT_SYMBOL(unregister_chrdev_region);
EXPORT_SYMBOL(cdev_init);
EXPORT_SYMBOL(cdev_alloc);
EXPORT_SYMBOL(cdev_add);
EXPORT_SYMBOL(cdev_del);
EXPORT_SYMBOL(devtmpfs_create_node);
EXPORT_SYMBOL(devtmpfs_delete_node);

// File operations helpers
EXPORT_SYMBOL(no_llseek);
EXPORT_SYMBOL(noop_llseek);
EXPORT_SYMBOL(default_llseek);
EXPORT_SYMBOL(generic_file_llseek);
EXPORT_SYMBOL(fixed_size_llseek);
EXPORT_SYMBOL(nonseekable_open);
EXPORT_SYMBOL(stream_open);
EXPORT_SYMBOL(simple_read_from_buffer);
EXPORT_SYMBOL(simple_write_to_buffer);
EXPORT_SYMBOL(noop_fsync);
EXPORT_SYMBOL(fput);

// File systems in modules
EXPORT_SYMBOL(register_filesystem);
EXPORT_SYMBOL(unregister_filesystem);
EXPORT_SYMBOL(alloc_anon_super);
EXPORT_SYMBOL(free_super);
EXPORT_SYMBOL(new_inode);
EXPORT_SYMBOL(get_next_ino);
EXPORT_SYMBOL(ihold);
EXPORT_SYMBOL(iput);
EXPORT_SYMBOL(inode_init_owner);
EXPORT_SYMBOL(init_special_inode);
EXPORT_SYMBOL(current_time);
EXPORT_SYMBOL(inode_permission);
EXPORT_SYMBOL(generic_permission);
EXPORT_SYMBOL(setattr_copy);

// The C string functions (libk/c_names/string.cpp)
EXPORT_SYMBOL(memcpy);
EXPORT_SYMBOL(memmove);
EXPORT_SYMBOL(memset);
EXPORT_SYMBOL(memcmp);
EXPORT_SYMBOL(memchr);
EXPORT_SYMBOL(strlen);
EXPORT_SYMBOL(strnlen);
EXPORT_SYMBOL(strcmp);
EXPORT_SYMBOL(strncmp);
EXPORT_SYMBOL(strcasecmp);
EXPORT_SYMBOL(strncasecmp);
EXPORT_SYMBOL(strchr);
EXPORT_SYMBOL(strrchr);
EXPORT_SYMBOL(strstr);
EXPORT_SYMBOL(strcpy);
EXPORT_SYMBOL(strncpy);
EXPORT_SYMBOL(strcat);
EXPORT_SYMBOL(strncat);
EXPORT_SYMBOL(strlcpy);
EXPORT_SYMBOL(strlcat);
EXPORT_SYMBOL(strspn);
EXPORT_SYMBOL(strcspn);
EXPORT_SYMBOL(strpbrk);
EXPORT_SYMBOL(strsep);

// The old number parsers (kernel/lib/simple_strtox.cpp)
EXPORT_SYMBOL(simple_strtoul);
EXPORT_SYMBOL(simple_strtol);

// System calls
EXPORT_SYMBOL(sys_hello);
