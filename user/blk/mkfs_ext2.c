/* mkfs.ext2 / mke2fs: writes an empty ext2 file system (revision 1, features
 * filetype and sparse_super) on a block device or an image file:
 *   mkfs.ext2 [-q] [-F] [-b 1024|2048|4096] [-L label] [-N inodes] [-m pct] [-I isize] dev [blocks]
 * Layout: block groups of 8*blocksize blocks; a group starts with a superblock
 * and the group descriptor table when it holds a backup (groups 0, 1 and the
 * powers of 3, 5, 7), then its block bitmap, inode bitmap and inode table.
 * Inodes 1-10 are reserved, 2 is the root directory, 11 is lost+found. */
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "blkioctl.h"

#define EXT2_MAGIC 0xEF53
#define ROOT_INO 2
#define FIRST_INO 11 /* lost+found, the first non-reserved inode */
#define FEATURE_INCOMPAT_FILETYPE 0x0002
#define FEATURE_RO_COMPAT_SPARSE_SUPER 0x0001
#define S_IFDIR_ 0040000
#define FT_DIR 2

struct ext2_super {
    uint32_t s_inodes_count, s_blocks_count, s_r_blocks_count, s_free_blocks_count;
    uint32_t s_free_inodes_count, s_first_data_block, s_log_block_size, s_log_frag_size;
    uint32_t s_blocks_per_group, s_frags_per_group, s_inodes_per_group;
    uint32_t s_mtime, s_wtime;
    uint16_t s_mnt_count;
    int16_t s_max_mnt_count;
    uint16_t s_magic, s_state, s_errors, s_minor_rev_level;
    uint32_t s_lastcheck, s_checkinterval, s_creator_os, s_rev_level;
    uint16_t s_def_resuid, s_def_resgid;
    /* revision 1 */
    uint32_t s_first_ino;
    uint16_t s_inode_size, s_block_group_nr;
    uint32_t s_feature_compat, s_feature_incompat, s_feature_ro_compat;
    uint8_t s_uuid[16];
    char s_volume_name[16];
    char s_last_mounted[64];
    uint32_t s_algorithm_usage_bitmap;
    uint8_t s_prealloc_blocks, s_prealloc_dir_blocks;
    uint16_t s_reserved_gdt_blocks;
    uint8_t s_journal_uuid[16];
    uint32_t s_journal_inum, s_journal_dev, s_last_orphan;
    uint32_t s_hash_seed[4];
    uint8_t s_def_hash_version, s_jnl_backup_type;
    uint16_t s_desc_size;
    uint32_t s_default_mount_opts, s_first_meta_bg, s_mkfs_time;
    uint8_t s_rest[1024 - 268];
} __attribute__((packed));
_Static_assert(sizeof(struct ext2_super) == 1024, "superblock is 1024 bytes");
_Static_assert(offsetof(struct ext2_super, s_uuid) == 104, "s_uuid offset");
_Static_assert(offsetof(struct ext2_super, s_hash_seed) == 236, "s_hash_seed offset");
_Static_assert(offsetof(struct ext2_super, s_mkfs_time) == 264, "s_mkfs_time offset");

struct ext2_group_desc {
    uint32_t bg_block_bitmap, bg_inode_bitmap, bg_inode_table;
    uint16_t bg_free_blocks_count, bg_free_inodes_count, bg_used_dirs_count, bg_flags;
    uint8_t bg_reserved[12];
} __attribute__((packed));
_Static_assert(sizeof(struct ext2_group_desc) == 32, "group descriptor is 32 bytes");

struct ext2_inode {
    uint16_t i_mode, i_uid;
    uint32_t i_size, i_atime, i_ctime, i_mtime, i_dtime;
    uint16_t i_gid, i_links_count;
    uint32_t i_blocks, i_flags, i_osd1;
    uint32_t i_block[15];
    uint32_t i_generation, i_file_acl, i_dir_acl, i_faddr;
    uint8_t i_osd2[12];
} __attribute__((packed));
_Static_assert(sizeof(struct ext2_inode) == 128, "inode is 128 bytes");

struct ext2_dirent {
    uint32_t inode;
    uint16_t rec_len;
    uint8_t name_len, file_type;
    char name[];
} __attribute__((packed));

/* What the options ask for and what follows from the device's size. */
static struct {
    const char *dev;
    uint32_t block_size;     /* 0: choose from the size */
    uint32_t inode_size;
    uint32_t inodes;         /* 0: from the inode ratio */
    unsigned reserved_pct;
    const char *label;
    int quiet, force;
    uint64_t blocks_arg;     /* blocks-count argument, 0 if none */
} opt = { .inode_size = 128, .reserved_pct = 5 };

static struct {
    int fd;
    uint32_t bs, first_data_block, blocks, bpg, groups, ipg, inodes;
    uint32_t itable_blocks, gdt_blocks, lpf_blocks;
} fs;

static const char *prog = "mke2fs";

static void die(const char *what)
{
    fprintf(stderr, "%s: %s\n", prog, what);
    exit(1);
}

static void die_errno(const char *what)
{
    fprintf(stderr, "%s: %s while %s\n", prog, strerror(errno), what);
    exit(1);
}

static void usage(void)
{
    fprintf(stderr,
            "Usage: %s [-q] [-F] [-b block-size] [-L volume-label] [-N number-of-inodes]\n"
            "\t[-m reserved-blocks-percentage] [-I inode-size] device [blocks-count]\n",
            prog);
    exit(1);
}

/* Does group g hold a superblock backup? 0, 1 and powers of 3, 5 and 7. */
static int has_super(uint32_t g)
{
    if (g <= 1)
        return 1;
    for (uint32_t base = 3; base <= 7; base += 2) {
        uint64_t p = base;
        while (p < g)
            p *= base;
        if (p == g)
            return 1;
    }
    return 0;
}

static uint32_t group_first(uint32_t g) { return fs.first_data_block + g * fs.bpg; }
static uint32_t group_len(uint32_t g)
{
    uint32_t first = group_first(g);
    return (fs.blocks - first < fs.bpg) ? fs.blocks - first : fs.bpg;
}
static uint32_t group_meta(uint32_t g) { return has_super(g) ? 1 + fs.gdt_blocks : 0; }
static uint32_t group_overhead(uint32_t g) { return group_meta(g) + 2 + fs.itable_blocks; }

static void write_at(uint64_t offset, const void *buf, size_t len)
{
    const char *p = buf;
    while (len) {
        ssize_t n = pwrite(fs.fd, p, len, (off_t)offset);
        if (n <= 0) {
            if (n < 0 && errno == EINTR)
                continue;
            die_errno("writing the file system");
        }
        p += n;
        offset += (uint64_t)n;
        len -= (size_t)n;
    }
}

static void write_block(uint32_t block, const void *buf) { write_at((uint64_t)block * fs.bs, buf, fs.bs); }

static void set_bit(uint8_t *map, uint32_t bit) { map[bit / 8] |= (uint8_t)(1u << (bit % 8)); }

static uint32_t div_up(uint64_t a, uint64_t b) { return (uint32_t)((a + b - 1) / b); }

/* Chooses block size, group count and inodes per group for `bytes` of device. */
static void plan(uint64_t bytes)
{
    uint64_t mb = bytes >> 20;
    uint32_t ratio = mb < 3 ? 8192 : mb < 512 ? 4096 : 16384;

    fs.bs = opt.block_size ? opt.block_size : (mb < 512 ? 1024 : 4096);
    fs.first_data_block = fs.bs == 1024 ? 1 : 0;
    uint64_t blocks = opt.blocks_arg ? opt.blocks_arg : bytes / fs.bs;
    if (blocks > 0xFFFFFFFFull)
        die("the device is too big for ext2 with this block size");
    fs.blocks = (uint32_t)blocks;
    if (fs.blocks < 60)
        die("the device is too small to hold an ext2 file system");
    fs.bpg = 8 * fs.bs;
    uint32_t per_block = fs.bs / opt.inode_size;
    fs.lpf_blocks = 16384 / fs.bs < 12 ? 16384 / fs.bs : 12;

    /* Recomputed when the last group is too small to be worth keeping. */
    for (;;) {
        fs.groups = div_up(fs.blocks - fs.first_data_block, fs.bpg);
        fs.gdt_blocks = div_up((uint64_t)fs.groups * sizeof(struct ext2_group_desc), fs.bs);
        uint64_t want = opt.inodes ? opt.inodes : (uint64_t)fs.blocks * fs.bs / ratio;
        if (want < FIRST_INO + 5)
            want = FIRST_INO + 5;
        uint32_t ipg = div_up(want, fs.groups);
        ipg = div_up(ipg, per_block) * per_block;  /* fill the inode table's last block */
        ipg = (ipg + 7) & ~7u;                       /* whole bytes of the inode bitmap */
        if (ipg > fs.bs * 8)
            ipg = fs.bs * 8 / per_block * per_block;
        fs.ipg = ipg;
        fs.itable_blocks = div_up((uint64_t)ipg * opt.inode_size, fs.bs);
        uint32_t last = fs.groups - 1;
        uint32_t rem = group_len(last);
        if (fs.groups > 1 && rem < group_overhead(last) + 50) {
            fs.blocks -= rem; /* drop the runt group as mke2fs does */
            continue;
        }
        break;
    }
    if ((uint64_t)fs.ipg * fs.groups > 0xFFFFFFFFull)
        die("too many inodes");
    fs.inodes = fs.ipg * fs.groups;
    if (group_overhead(0) + 1 + fs.lpf_blocks + 1 > group_len(0))
        die("the device is too small for the requested inode count");
}

static void make_uuid(uint8_t uuid[16])
{
    if (getrandom(uuid, 16, 0) != 16) {
        unsigned seed = (unsigned)time(NULL) ^ (unsigned)getpid() << 16;
        for (int i = 0; i < 16; i++) {
            seed = seed * 1103515245u + 12345u;
            uuid[i] = (uint8_t)(seed >> 16);
        }
    }
    uuid[6] = (uint8_t)((uuid[6] & 0x0F) | 0x40); /* version 4: random */
    uuid[8] = (uint8_t)((uuid[8] & 0x3F) | 0x80); /* RFC 4122 variant */
}

static void format_uuid(const uint8_t u[16], char out[37])
{
    static const char hex[] = "0123456789abcdef";
    char *p = out;
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            *p++ = '-';
        *p++ = hex[u[i] >> 4];
        *p++ = hex[u[i] & 15];
    }
    *p = 0;
}

/* Appends a directory entry at *pos in a block; rec_len 0 means "to the end". */
static void add_dirent(uint8_t *block, uint32_t *pos, uint32_t ino, const char *name, uint16_t rec_len)
{
    struct ext2_dirent *d = (struct ext2_dirent *)(block + *pos);
    size_t len = strlen(name);
    d->inode = ino;
    d->name_len = (uint8_t)len;
    d->file_type = FT_DIR;
    memcpy(d->name, name, len);
    d->rec_len = rec_len ? rec_len : (uint16_t)(fs.bs - *pos);
    *pos += d->rec_len;
}

static void put_inode(uint8_t *itable, uint32_t ino, const struct ext2_inode *inode)
{
    memcpy(itable + (ino - 1) * opt.inode_size, inode, sizeof *inode);
}

int main(int argc, char **argv)
{
    const char *slash = strrchr(argv[0], '/');
    prog = slash ? slash + 1 : argv[0];
    if (strcmp(prog, "mkfs.ext2") == 0)
        prog = "mke2fs";

    int c;
    while ((c = getopt(argc, argv, "b:L:N:m:I:qFt:")) != -1) {
        switch (c) {
        case 'b':
            opt.block_size = (uint32_t)strtoul(optarg, NULL, 0);
            if (opt.block_size != 1024 && opt.block_size != 2048 && opt.block_size != 4096) {
                fprintf(stderr, "%s: invalid block size - %s\n", prog, optarg);
                return 1;
            }
            break;
        case 'L':
            opt.label = optarg;
            if (strlen(optarg) > 16)
                fprintf(stderr, "Warning: label too long; will be truncated to '%.16s'\n", optarg);
            break;
        case 'N':
            opt.inodes = (uint32_t)strtoul(optarg, NULL, 0);
            break;
        case 'm':
            opt.reserved_pct = (unsigned)strtoul(optarg, NULL, 0);
            if (opt.reserved_pct > 50) {
                fprintf(stderr, "%s: invalid reserved blocks percent - %s\n", prog, optarg);
                return 1;
            }
            break;
        case 'I':
            opt.inode_size = (uint32_t)strtoul(optarg, NULL, 0);
            if (opt.inode_size < 128 || opt.inode_size > 1024 || (opt.inode_size & (opt.inode_size - 1))) {
                fprintf(stderr, "%s: invalid inode size %s\n", prog, optarg);
                return 1;
            }
            break;
        case 'q': opt.quiet = 1; break;
        case 'F': opt.force = 1; break;
        case 't':
            if (strcmp(optarg, "ext2") != 0) {
                fprintf(stderr, "%s: this mke2fs makes only ext2, not %s\n", prog, optarg);
                return 1;
            }
            break;
        default: usage();
        }
    }
    if (optind >= argc || argc - optind > 2)
        usage();
    opt.dev = argv[optind];
    if (argc - optind == 2) {
        char *end;
        opt.blocks_arg = strtoull(argv[optind + 1], &end, 0);
        if (*end || !opt.blocks_arg) {
            fprintf(stderr, "%s: invalid blocks '%s' on device '%s'\n", prog, argv[optind + 1], opt.dev);
            return 1;
        }
    }

    fs.fd = open(opt.dev, O_RDWR | (opt.blocks_arg ? O_CREAT : 0), 0644);
    if (fs.fd < 0) {
        fprintf(stderr, "%s: %s while trying to determine filesystem size\n", prog, strerror(errno));
        fprintf(stderr, "The file %s does not exist and no size was specified.\n", opt.dev);
        return 1;
    }
    uint64_t bytes = blk_size(fs.fd);
    if (opt.blocks_arg) {
        uint64_t want = opt.blocks_arg * (opt.block_size ? opt.block_size : 1024);
        struct stat st;
        if (fstat(fs.fd, &st) == 0 && S_ISREG(st.st_mode) && (uint64_t)st.st_size < want) {
            if (ftruncate(fs.fd, (off_t)want) < 0)
                die_errno("growing the image file");
            bytes = want;
        } else if (want > bytes) {
            fprintf(stderr, "%s: Filesystem larger than apparent device size.\n", prog);
            return 1;
        }
        if (!opt.block_size)
            opt.block_size = 1024;
    }
    if (!bytes)
        die_errno("trying to determine filesystem size");
    plan(bytes);

    time_t now = time(NULL);
    struct ext2_super sb;
    memset(&sb, 0, sizeof sb);
    sb.s_inodes_count = fs.inodes;
    sb.s_blocks_count = fs.blocks;
    sb.s_r_blocks_count = (uint32_t)((uint64_t)fs.blocks * opt.reserved_pct / 100);
    sb.s_first_data_block = fs.first_data_block;
    sb.s_log_block_size = fs.bs == 1024 ? 0 : fs.bs == 2048 ? 1 : 2;
    sb.s_log_frag_size = sb.s_log_block_size;
    sb.s_blocks_per_group = fs.bpg;
    sb.s_frags_per_group = fs.bpg;
    sb.s_inodes_per_group = fs.ipg;
    sb.s_wtime = (uint32_t)now;
    sb.s_max_mnt_count = -1;
    sb.s_magic = EXT2_MAGIC;
    sb.s_state = 1;  /* clean */
    sb.s_errors = 1; /* continue */
    sb.s_lastcheck = (uint32_t)now;
    sb.s_creator_os = 0; /* Linux */
    sb.s_rev_level = 1;
    sb.s_first_ino = FIRST_INO;
    sb.s_inode_size = (uint16_t)opt.inode_size;
    sb.s_feature_incompat = FEATURE_INCOMPAT_FILETYPE;
    sb.s_feature_ro_compat = FEATURE_RO_COMPAT_SPARSE_SUPER;
    make_uuid(sb.s_uuid);
    if (opt.label)
        memcpy(sb.s_volume_name, opt.label, strnlen(opt.label, sizeof sb.s_volume_name));
    uint8_t seed[16];
    make_uuid(seed);
    memcpy(sb.s_hash_seed, seed, sizeof seed);
    sb.s_def_hash_version = 1; /* half_md4, should dir_index be turned on later */
    sb.s_mkfs_time = (uint32_t)now;

    char uuid_text[37];
    format_uuid(sb.s_uuid, uuid_text);
    if (!opt.quiet) {
        printf("mke2fs (kernlab)\n");
        printf("Creating filesystem with %u %uk blocks and %u inodes\n", fs.blocks, fs.bs / 1024, fs.inodes);
        printf("Filesystem UUID: %s\n", uuid_text);
        if (fs.groups > 1) {
            printf("Superblock backups stored on blocks: ");
            int n = 0;
            for (uint32_t g = 1; g < fs.groups; g++) {
                if (!has_super(g))
                    continue;
                printf("%s%u", n == 0 ? "\n\t" : n % 5 == 0 ? ",\n\t" : ", ", group_first(g));
                n++;
            }
            printf("\n");
        }
        printf("\nAllocating group tables: ");
        fflush(stdout);
    }

    /* Group descriptors and the blocks of the two directories (in group 0). */
    struct ext2_group_desc *gdt = calloc(fs.gdt_blocks, fs.bs);
    uint8_t *block_map = malloc(fs.bs), *inode_map = malloc(fs.bs), *zero = calloc(1, fs.bs);
    uint8_t *itable = calloc(fs.itable_blocks, fs.bs);
    if (!gdt || !block_map || !inode_map || !zero || !itable)
        die("out of memory");
    uint32_t root_block = group_first(0) + group_overhead(0);
    uint32_t lpf_block = root_block + 1;
    uint64_t free_blocks = 0;
    for (uint32_t g = 0; g < fs.groups; g++) {
        uint32_t first = group_first(g) + group_meta(g);
        gdt[g].bg_block_bitmap = first;
        gdt[g].bg_inode_bitmap = first + 1;
        gdt[g].bg_inode_table = first + 2;
        uint32_t used = group_overhead(g) + (g == 0 ? 1 + fs.lpf_blocks : 0);
        gdt[g].bg_free_blocks_count = (uint16_t)(group_len(g) - used);
        gdt[g].bg_free_inodes_count = (uint16_t)(fs.ipg - (g == 0 ? FIRST_INO : 0));
        gdt[g].bg_used_dirs_count = g == 0 ? 2 : 0;
        free_blocks += group_len(g) - used;
    }
    sb.s_free_blocks_count = (uint32_t)free_blocks;
    sb.s_free_inodes_count = fs.inodes - FIRST_INO;
    if (!opt.quiet) {
        printf("done                            \nWriting inode tables: ");
        fflush(stdout);
    }

    /* Per group: bitmaps and a zeroed inode table (group 0's holds the directories). */
    uint32_t dir_blocks = 1 + fs.lpf_blocks;
    struct ext2_inode root = {0}, lpf = {0};
    root.i_mode = S_IFDIR_ | 0755;
    root.i_size = fs.bs;
    root.i_atime = root.i_ctime = root.i_mtime = (uint32_t)now;
    root.i_links_count = 3; /* ".", ".." and lost+found's ".." */
    root.i_blocks = fs.bs / 512;
    root.i_block[0] = root_block;
    lpf.i_mode = S_IFDIR_ | 0700;
    lpf.i_size = fs.lpf_blocks * fs.bs;
    lpf.i_atime = lpf.i_ctime = lpf.i_mtime = (uint32_t)now;
    lpf.i_links_count = 2;
    lpf.i_blocks = fs.lpf_blocks * (fs.bs / 512);
    for (uint32_t i = 0; i < fs.lpf_blocks; i++)
        lpf.i_block[i] = lpf_block + i;
    for (uint32_t g = 0; g < fs.groups; g++) {
        memset(block_map, 0, fs.bs);
        uint32_t used = group_overhead(g) + (g == 0 ? dir_blocks : 0);
        for (uint32_t b = 0; b < used; b++)
            set_bit(block_map, b);
        for (uint32_t b = group_len(g); b < fs.bs * 8; b++)
            set_bit(block_map, b); /* past the end of the file system */
        memset(inode_map, 0, fs.bs);
        for (uint32_t i = fs.ipg; i < fs.bs * 8; i++)
            set_bit(inode_map, i);
        if (g == 0) {
            for (uint32_t i = 0; i < FIRST_INO; i++)
                set_bit(inode_map, i);
            put_inode(itable, ROOT_INO, &root);
            put_inode(itable, FIRST_INO, &lpf);
        }
        write_block(gdt[g].bg_block_bitmap, block_map);
        write_block(gdt[g].bg_inode_bitmap, inode_map);
        write_at((uint64_t)gdt[g].bg_inode_table * fs.bs, g == 0 ? itable : zero, fs.bs);
        for (uint32_t b = 1; b < fs.itable_blocks; b++)
            write_block(gdt[g].bg_inode_table + b, g == 0 ? itable + (uint64_t)b * fs.bs : zero);
        if (g == 0)
            memset(itable, 0, (size_t)fs.itable_blocks * fs.bs);
    }

    /* The directories: root holds ., .., lost+found; lost+found holds . and ..
     * and empty blocks so that e2fsck can file inodes there without allocating. */
    uint8_t *dir = calloc(1, fs.bs);
    uint32_t pos = 0;
    add_dirent(dir, &pos, ROOT_INO, ".", 12);
    add_dirent(dir, &pos, ROOT_INO, "..", 12);
    add_dirent(dir, &pos, FIRST_INO, "lost+found", 0);
    write_block(root_block, dir);
    memset(dir, 0, fs.bs);
    pos = 0;
    add_dirent(dir, &pos, FIRST_INO, ".", 12);
    add_dirent(dir, &pos, ROOT_INO, "..", 0);
    write_block(lpf_block, dir);
    memset(dir, 0, fs.bs);
    ((struct ext2_dirent *)dir)->rec_len = (uint16_t)fs.bs;
    for (uint32_t i = 1; i < fs.lpf_blocks; i++)
        write_block(lpf_block + i, dir);

    if (!opt.quiet) {
        printf("done                            \nWriting superblocks and filesystem accounting information: ");
        fflush(stdout);
    }
    /* The superblock and the descriptor table in every group that keeps a copy. */
    for (uint32_t g = 0; g < fs.groups; g++) {
        if (!has_super(g))
            continue;
        sb.s_block_group_nr = (uint16_t)g;
        uint32_t first = group_first(g);
        if (g == 0)
            write_at(1024, &sb, sizeof sb);
        else {
            memset(dir, 0, fs.bs);
            memcpy(dir, &sb, sizeof sb);
            write_block(first, dir);
        }
        for (uint32_t b = 0; b < fs.gdt_blocks; b++)
            write_block(first + 1 + b, (uint8_t *)gdt + (uint64_t)b * fs.bs);
    }
    /* Old file systems' signatures in block 0 (but never the boot sector). */
    if (fs.bs > 2048) {
        memset(dir, 0, fs.bs);
        write_at(2048, dir, fs.bs - 2048);
    }
    if (fsync(fs.fd) < 0 && errno != EINVAL && errno != ENOSYS)
        die_errno("syncing the device");
    close(fs.fd);
    if (!opt.quiet)
        printf("done\n\n");
    return 0;
}
