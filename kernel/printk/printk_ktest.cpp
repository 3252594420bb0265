// Self-test of printk levels: one message at every level, so a boot test can
// check which ones reach the console for a given loglevel and that all of
// them reach the log buffer.
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <libk/log_buffer.h>
#include <libk/string.h>

KTEST(printk_levels)
{
    uint64_t first = log_next_seq();
    printk(KERN_EMERG "printk_levels: level 0 KERN_EMERG\n");
    printk(KERN_ALERT "printk_levels: level 1 KERN_ALERT\n");
    printk(KERN_CRIT "printk_levels: level 2 KERN_CRIT\n");
    printk(KERN_ERR "printk_levels: level 3 KERN_ERR\n");
    printk(KERN_WARNING "printk_levels: level 4 KERN_WARNING\n");
    printk(KERN_NOTICE "printk_levels: level 5 KERN_NOTICE\n");
    printk(KERN_INFO "printk_levels: level 6 KERN_INFO\n");
    printk(KERN_DEBUG "printk_levels: level 7 KERN_DEBUG\n");
    printk("printk_levels: no level, default %d\n", MESSAGE_LOGLEVEL_DEFAULT);
    printk(KERN_INFO "printk_levels: con");
    printk(KERN_CONT "tinued ");
    pr_cont("line\n");

    char text[128];
    libk::LogRecord record;
    int level = 0;
    uint64_t seq = first;
    for (; level < 8 && log_read(seq, record, text, sizeof(text)); seq = record.seq + 1, ++level)
        KTEST_EXPECT(record.level == level && libk::strstr(text, "printk_levels: level") != nullptr);
    KTEST_EXPECT(level == 8);
    KTEST_EXPECT(log_read(seq, record, text, sizeof(text)) && record.level == MESSAGE_LOGLEVEL_DEFAULT);
    seq = record.seq + 1;
    KTEST_EXPECT(log_read(seq, record, text, sizeof(text)) && libk::strcmp(text, "printk_levels: continued line") == 0);
}
