/* errno: one global, since processes here have a single thread. */
int errno;
