/* The fuzzer's random numbers: xorshift64* seeded through splitmix64, so a
 * batch's calls follow from (seed, batch) alone. */
#include "sysfuzz.h"

static uint64_t state = 1;

uint64_t mix_seed(uint64_t seed, uint64_t batch)
{
    uint64_t z = seed + (batch + 1) * 0x9E3779B97F4A7C15ull;   /* splitmix64 */
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

void rnd_seed(uint64_t seed)
{
    state = seed ? seed : 0x2545F4914F6CDD1Dull;
}

uint32_t rnd(void)
{
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return (uint32_t)((state * 0x2545F4914F6CDD1Dull) >> 32);
}

uint32_t rnd_below(uint32_t n)
{
    return n ? rnd() % n : 0;
}

int rnd_chance(uint32_t one_in)
{
    return rnd_below(one_in) == 0;
}
