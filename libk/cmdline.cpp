// Kernel command-line splitting, following Linux's next_arg()/parse_args() rules.
#include <libk/cmdline.h>
#include <limits.h>

namespace libk {

static bool is_separator(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static char fold_dash(char c)
{
    return c == '-' ? '_' : c;
}

bool cmdline_key_equal(StringView a, StringView b)
{
    if (a.length() != b.length())
        return false;
    for (size_t i = 0; i < a.length(); ++i)
        if (fold_dash(a[i]) != fold_dash(b[i]))
            return false;
    return true;
}

void Cmdline::parse(const char* text, size_t length)
{
    m_count = 0;
    m_truncated = false;

    size_t n = 0;
    while (text && n < length && n < max_length && text[n] != '\0') {
        m_text[n] = text[n];
        ++n;
    }
    m_text[n] = '\0';
    if (text && n < length && text[n] != '\0')
        m_truncated = true;

    bool seen_dashes = false;
    m_init_args_begin = 0;
    size_t in = 0;
    size_t out = 0;  // m_buffer never outgrows m_text: quotes are dropped, one NUL per token
    while (true) {
        while (in < n && is_separator(m_text[in]))
            ++in;
        if (in >= n)
            break;
        if (m_count == max_params) {
            m_truncated = true;
            break;
        }

        // One token: quotes group (and are removed), the first `=` splits key from value.
        size_t token_start = out;
        size_t equals = StringView::npos;
        bool in_quote = false;
        for (; in < n; ++in) {
            char c = m_text[in];
            if (c == '"') {
                in_quote = !in_quote;
                continue;
            }
            if (!in_quote && is_separator(c))
                break;
            if (c == '=' && equals == StringView::npos)
                equals = out;
            m_buffer[out++] = c;
        }
        size_t token_end = out;
        m_buffer[out++] = '\0';

        CmdlineParam& param = m_params[m_count];
        if (equals == StringView::npos) {
            param.key = { m_buffer + token_start, token_end - token_start };
            param.value = { m_buffer + token_end, 0 };
            param.has_value = false;
        } else {
            param.key = { m_buffer + token_start, equals - token_start };
            param.value = { m_buffer + equals + 1, token_end - equals - 1 };
            param.has_value = true;
        }

        // Only the first bare `--` is special; it is not a parameter itself.
        if (!seen_dashes && !param.has_value && param.key == StringView("--")) {
            seen_dashes = true;
            m_init_args_begin = m_count;
            continue;
        }
        ++m_count;
    }
    if (!seen_dashes)
        m_init_args_begin = m_count;
}

const CmdlineParam* Cmdline::find(StringView key) const
{
    for (size_t i = m_init_args_begin; i > 0; --i)
        if (cmdline_key_equal(m_params[i - 1].key, key))
            return &m_params[i - 1];
    return nullptr;
}

StringView Cmdline::get(StringView key, StringView fallback) const
{
    const CmdlineParam* param = find(key);
    return param && param->has_value ? param->value : fallback;
}

bool Cmdline::get_long(StringView key, long& out) const
{
    const CmdlineParam* param = find(key);
    return param && param->has_value && parse_long(param->value, out);
}

static int digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return 99;
}

bool parse_long(StringView text, long& out)
{
    size_t i = 0;
    bool negative = false;
    if (i < text.length() && (text[i] == '-' || text[i] == '+')) {
        negative = text[i] == '-';
        ++i;
    }
    unsigned base = 10;
    if (i + 1 < text.length() && text[i] == '0' && (text[i + 1] == 'x' || text[i + 1] == 'X')) {
        base = 16;
        i += 2;
    }
    if (i == text.length())
        return false;

    // Accumulate in unsigned so LONG_MIN's magnitude fits.
    unsigned long limit = negative ? static_cast<unsigned long>(LONG_MAX) + 1 : LONG_MAX;
    unsigned long value = 0;
    for (; i < text.length(); ++i) {
        unsigned digit = static_cast<unsigned>(digit_value(text[i]));
        if (digit >= base)
            return false;
        if (value > (limit - digit) / base)
            return false;
        value = value * base + digit;
    }
    out = negative ? static_cast<long>(0UL - value) : static_cast<long>(value);
    return true;
}

} // namespace libk
