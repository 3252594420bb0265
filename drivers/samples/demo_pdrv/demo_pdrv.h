/* What a demo_pdev device hands its driver (its platform data). */
#ifndef DEMO_PDRV_H
#define DEMO_PDRV_H

struct demo_platform_data {
    const char *greeting;
    int number;
};

#endif
