/* <sys/poll.h>: same as <poll.h>. */
#include <poll.h>
