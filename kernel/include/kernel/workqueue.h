// Starting the worker of the system work queue (the API is include/linux/workqueue.h).
#pragma once

// Starts the "events" worker. kernel_init calls it once kthreadd runs (as
// Linux's kernel_init_freeable calls workqueue_init), so that no thread is
// made before init and kthreadd take pids 1 and 2. Until then, work queued
// from process context starts the worker itself.
void workqueue_init();
