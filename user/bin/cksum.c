/* cksum - POSIX checksums: CRC-32 (polynomial 0x04C11DB7) over the data and its length, then the byte count. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#include "common.h"

static uint32_t crc_table[256];

static void build_table(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t crc = i << 24;
        for (int bit = 0; bit < 8; bit++)
            crc = (crc & 0x80000000u) ? (crc << 1) ^ 0x04C11DB7u : crc << 1;
        crc_table[i] = crc;
    }
}

static uint32_t update(uint32_t crc, unsigned char byte)
{
    return (crc << 8) ^ crc_table[(crc >> 24) ^ byte];
}

static int sum_fd(int fd, const char *name)
{
    static unsigned char buffer[16384];
    uint32_t crc = 0;
    unsigned long long length = 0;
    ssize_t n;
    while ((n = read(fd, buffer, sizeof buffer)) > 0) {
        for (ssize_t i = 0; i < n; i++)
            crc = update(crc, buffer[i]);
        length += (unsigned long long)n;
    }
    if (n < 0) {
        perror(name ? name : "cksum");
        return 1;
    }
    /* POSIX: the length goes in too, least significant byte first, without trailing zero bytes. */
    for (unsigned long long left = length; left; left >>= 8)
        crc = update(crc, (unsigned char)(left & 0xFF));
    if (name)
        printf("%u %llu %s\n", ~crc, length, name);
    else
        printf("%u %llu\n", ~crc, length);
    return 0;
}

int main(int argc, char **argv)
{
    build_table();
    if (argc < 2)
        return sum_fd(0, NULL);
    int status = 0;
    for (int i = 1; i < argc; i++) {
        int fd = open(argv[i], O_RDONLY);
        if (fd < 0) {
            perror(argv[i]);
            status = 1;
            continue;
        }
        status |= sum_fd(fd, argv[i]);
        close(fd);
    }
    return status;
}
