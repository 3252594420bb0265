/*
 * %f %e %g for printf: the exact decimal expansion of the double (a base-10^9 big
 * number: mantissa times 2^e, or times 5^-e with the point moved), then rounding to
 * nearest, ties to even, so the output matches glibc digit for digit.
 */
#include <stdint.h>
#include <string.h>

#define LIMB_BASE 1000000000u
#define MAX_LIMBS 100 /* 2^53 * 5^1074 has about 770 decimal digits */
#define MAX_DIGITS (MAX_LIMBS * 9)

struct decimal {
    char digits[MAX_DIGITS]; /* digit values 0..9, most significant first, no leading zero */
    int len;
    int point; /* value = 0.digits * 10^point */
};

static void multiply(uint32_t* limbs, int* count, uint32_t factor)
{
    uint64_t carry = 0;
    for (int i = 0; i < *count; ++i) {
        uint64_t x = (uint64_t)limbs[i] * factor + carry;
        limbs[i] = (uint32_t)(x % LIMB_BASE);
        carry = x / LIMB_BASE;
    }
    while (carry) {
        limbs[(*count)++] = (uint32_t)(carry % LIMB_BASE);
        carry /= LIMB_BASE;
    }
}

/* The exact decimal digits of a finite v > 0. */
static void expand(double v, struct decimal* d)
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof(bits));
    int biased = (int)((bits >> 52) & 0x7ff);
    uint64_t mant = bits & ((1ULL << 52) - 1);
    int e;
    if (biased == 0) {
        e = -1074;
    } else {
        mant |= 1ULL << 52;
        e = biased - 1075;
    }
    while (!(mant & 1) && e < 0) {
        mant >>= 1;
        ++e;
    }
    uint32_t limbs[MAX_LIMBS];
    int count = 0;
    while (mant) {
        limbs[count++] = (uint32_t)(mant % LIMB_BASE);
        mant /= LIMB_BASE;
    }
    int fraction_digits = 0;
    for (; e > 0; e -= e > 28 ? 28 : e)
        multiply(limbs, &count, 1u << (e > 28 ? 28 : e));
    if (e < 0) {
        fraction_digits = -e;
        for (int k = -e; k > 0; k -= k > 12 ? 12 : k) {
            uint32_t p = 1;
            for (int i = 0; i < (k > 12 ? 12 : k); ++i)
                p *= 5;
            multiply(limbs, &count, p);
        }
    }
    /* Limbs to digits: the top limb without leading zeros, then 9 digits each. */
    d->len = 0;
    for (int i = count - 1; i >= 0; --i) {
        char chunk[9];
        uint32_t x = limbs[i];
        for (int j = 8; j >= 0; --j) {
            chunk[j] = (char)(x % 10);
            x /= 10;
        }
        int start = 0;
        if (i == count - 1)
            while (start < 8 && chunk[start] == 0)
                ++start;
        memcpy(d->digits + d->len, chunk + start, (size_t)(9 - start));
        d->len += 9 - start;
    }
    d->point = d->len - fraction_digits;
    while (d->len > 1 && d->digits[d->len - 1] == 0)
        --d->len; /* trailing zeros carry no information */
}

/* Keep `keep` significant digits, rounding to nearest with ties to even. */
static void round_to(struct decimal* d, int keep)
{
    if (keep >= d->len)
        return;
    if (keep < 0) {
        d->len = 0;
        return;
    }
    int up;
    int first = d->digits[keep];
    if (first != 5) {
        up = first > 5;
    } else {
        int more = 0;
        for (int i = keep + 1; i < d->len; ++i)
            more |= d->digits[i];
        up = more || (keep > 0 && (d->digits[keep - 1] & 1));
    }
    d->len = keep;
    if (!up)
        return;
    int i = keep - 1;
    while (i >= 0 && d->digits[i] == 9)
        d->digits[i--] = 0;
    if (i >= 0) {
        ++d->digits[i];
    } else {
        /* 999 -> 1000: one digit "1" at a higher power of ten. */
        d->digits[0] = 1;
        d->len = 1;
        ++d->point;
        return;
    }
    while (d->len > 0 && d->digits[d->len - 1] == 0)
        --d->len;
}

static int digit_at(const struct decimal* d, int index)
{
    return index >= 0 && index < d->len ? d->digits[index] : 0;
}

static int fixed(char* out, const struct decimal* d, int prec, int alt)
{
    int n = 0;
    if (d->point <= 0 || d->len == 0) {
        out[n++] = '0';
    } else {
        for (int i = 0; i < d->point; ++i)
            out[n++] = (char)('0' + digit_at(d, i));
    }
    if (prec > 0 || alt)
        out[n++] = '.';
    for (int i = 0; i < prec; ++i)
        out[n++] = (char)('0' + (d->len ? digit_at(d, d->point + i) : 0));
    return n;
}

static int exponential(char* out, const struct decimal* d, int prec, int alt, int upper)
{
    int n = 0;
    int exp10 = d->len ? d->point - 1 : 0;
    out[n++] = (char)('0' + digit_at(d, 0));
    if (prec > 0 || alt)
        out[n++] = '.';
    for (int i = 1; i <= prec; ++i)
        out[n++] = (char)('0' + digit_at(d, i));
    out[n++] = upper ? 'E' : 'e';
    out[n++] = exp10 < 0 ? '-' : '+';
    int a = exp10 < 0 ? -exp10 : exp10;
    if (a >= 100)
        out[n++] = (char)('0' + a / 100);
    out[n++] = (char)('0' + a / 10 % 10);
    out[n++] = (char)('0' + a % 10);
    return n;
}

static int strip_trailing_zeros(char* out, int n)
{
    char* dot = memchr(out, '.', (size_t)n);
    if (!dot)
        return n;
    char* exp = NULL;
    for (char* p = dot; p < out + n; ++p)
        if (*p == 'e' || *p == 'E')
            exp = p;
    char* end = exp ? exp : out + n;
    char* p = end;
    while (p > dot + 1 && p[-1] == '0')
        --p;
    if (p == dot + 1)
        --p;
    int tail = (int)(out + n - end);
    memmove(p, end, (size_t)tail);
    return (int)(p - out) + tail;
}

/*
 * Formats finite v >= 0 for conversion f/e/g (upper case for F/E/G) into out, which must
 * hold 340 + prec bytes; returns the length. No sign, no padding.
 */
int __format_float(char* out, double v, char conv, int prec, int alt)
{
    static struct decimal d; /* ~1 KiB: kept off the stack (no threads here) */
    int upper = conv >= 'A' && conv <= 'Z';
    char c = (char)(conv | 0x20);
    if (v == 0) {
        d.len = 0;
        d.point = 1;
    } else {
        expand(v, &d);
    }
    if (c == 'f') {
        round_to(&d, d.point + prec);
        return fixed(out, &d, prec, alt);
    }
    if (c == 'e') {
        round_to(&d, prec + 1);
        return exponential(out, &d, prec, alt, upper);
    }
    /* %g: P significant digits; %e style when the exponent is < -4 or >= P. */
    int p = prec == 0 ? 1 : prec;
    round_to(&d, p);
    int exp10 = d.len ? d.point - 1 : 0;
    int n;
    if (exp10 < -4 || exp10 >= p)
        n = exponential(out, &d, p - 1, alt, upper);
    else
        n = fixed(out, &d, p - 1 - exp10, alt);
    return alt ? n : strip_trailing_zeros(out, n);
}
