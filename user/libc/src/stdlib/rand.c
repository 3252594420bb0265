/* rand/srand/rand_r/random/srandom: a 64-bit linear congruential generator (RAND_MAX = 2^31-1). */
#include <stdlib.h>

static unsigned long long state = 1;

void srand(unsigned int seed) { state = seed; }

int rand(void)
{
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (int)(state >> 33);
}

int rand_r(unsigned int* seed)
{
    unsigned long long s = *seed;
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    *seed = (unsigned int)s;
    return (int)(s >> 33);
}

long random(void) { return rand(); }
void srandom(unsigned int seed) { srand(seed); }
