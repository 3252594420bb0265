/* <linux/hdreg.h> for user space: HDIO_GETGEO and the disk geometry it fills. */
#ifndef _UAPI_LINUX_HDREG_H
#define _UAPI_LINUX_HDREG_H

#define HDIO_GETGEO 0x0301

struct hd_geometry {
    unsigned char heads;
    unsigned char sectors;
    unsigned short cylinders;
    unsigned long start;   /* first sector of the partition */
};

#endif
