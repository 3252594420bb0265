/* mmap_proc: /proc/mydir/myinfo, whose mmap handler maps a kernel page holding
 * the bytes 0..11 into the caller (user/samples/mmap_reader.c prints them). */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/io.h>

static struct proc_dir_entry *mydir;
static unsigned char *buffer;   /* one page: kmalloc(PAGE_SIZE) is page-aligned */

/* Maps our page's frame (pfn) at the start of the caller's new area. */
static int my_mmap(struct file *file, struct vm_area_struct *vma)
{
    unsigned long size = vma->vm_end - vma->vm_start;
    unsigned long pfn = virt_to_phys(buffer) >> PAGE_SHIFT;

    if (vma->vm_pgoff != 0 || size > PAGE_SIZE)
        return -EINVAL;
    pr_info("mmap_proc: mapping %lu bytes at %08lx\n", size, vma->vm_start);
    return remap_pfn_range(vma, vma->vm_start, pfn, size, vma->vm_page_prot);
}

static const struct file_operations myinfo_fops = {
    .owner = THIS_MODULE,
    .mmap = my_mmap,
};

static int __init mmap_proc_init(void)
{
    int i;

    buffer = kmalloc(PAGE_SIZE, GFP_KERNEL);
    if (!buffer)
        return -ENOMEM;
    memset(buffer, 0, PAGE_SIZE);   /* the whole page becomes visible to user space */
    for (i = 0; i < 12; i++)
        buffer[i] = i;

    mydir = proc_mkdir("mydir", NULL);
    if (!mydir || !proc_create("myinfo", 0444, mydir, &myinfo_fops)) {
        if (mydir)
            remove_proc_entry("mydir", NULL);
        kfree(buffer);
        return -ENOMEM;
    }
    pr_info("mmap_proc: /proc/mydir/myinfo created\n");
    return 0;
}

static void __exit mmap_proc_exit(void)
{
    remove_proc_entry("myinfo", mydir);
    remove_proc_entry("mydir", NULL);
    kfree(buffer);
    pr_info("mmap_proc: removed\n");
}

module_init(mmap_proc_init);
module_exit(mmap_proc_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kernlab");
MODULE_DESCRIPTION("/proc/mydir/myinfo maps a kernel buffer with remap_pfn_range");
