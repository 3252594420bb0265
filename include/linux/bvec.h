/* struct bio_vec and its helpers; kernlab declares bio_vec in linux/bio.h. */
#ifndef _LINUX_BVEC_H
#define _LINUX_BVEC_H

#include <linux/bio.h>
#include <linux/highmem.h>

#endif
