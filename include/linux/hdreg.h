/* Disk geometry for drivers' getgeo (the uapi struct hd_geometry, HDIO_GETGEO). */
#ifndef _LINUX_HDREG_H
#define _LINUX_HDREG_H

#include <uapi/linux/hdreg.h>

#endif
