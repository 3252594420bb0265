/* lineedit.c - interactive line editing with history: the terminal in raw mode,
 * arrow keys, Home/End, Ctrl-A/E/U/K/W/L/C/D. Redraws with '\b' only, so any
 * console works; falls back to a plain read() when termios is unavailable. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include "sh.h"

#define HISTORY_MAX 100

static char *history[HISTORY_MAX];
static int nhistory;

void lineedit_history_add(const char *line)
{
    if (!*line || (nhistory && !strcmp(history[nhistory - 1], line)))
        return;
    if (nhistory == HISTORY_MAX) {
        free(history[0]);
        memmove(history, history + 1, sizeof(char *) * (HISTORY_MAX - 1));
        nhistory--;
    }
    history[nhistory++] = xstrdup(line);
}

int builtin_history(char **argv)
{
    for (int i = 0; i < nhistory; i++)
        printf("%5d  %s\n", i + 1, history[i]);
    return 0;
}

struct editor {
    char buf[1024];
    int len, pos;
};

static void out(const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(1, s, n);
        if (w <= 0)
            return;
        s += w;
        n -= w;
    }
}

static void outs(const char *s) { out(s, strlen(s)); }

static void backs(int n)
{
    while (n-- > 0)
        out("\b", 1);
}

/* Redraws from the cursor to the end; old_len is the length before the change. */
static void redraw_tail(struct editor *e, int old_len)
{
    out(e->buf + e->pos, e->len - e->pos);
    int extra = old_len - e->len;
    for (int i = 0; i < extra; i++)
        out(" ", 1);
    backs(e->len - e->pos + (extra > 0 ? extra : 0));
}

static void move_to(struct editor *e, int pos)
{
    if (pos < e->pos)
        backs(e->pos - pos);
    else
        out(e->buf + e->pos, pos - e->pos);
    e->pos = pos;
}

static void replace_line(struct editor *e, const char *s)
{
    int old = e->len;
    move_to(e, 0);
    e->len = strlen(s);
    if (e->len > (int)sizeof e->buf - 1)
        e->len = sizeof e->buf - 1;
    memcpy(e->buf, s, e->len);
    out(e->buf, e->len);
    for (int i = e->len; i < old; i++)
        out(" ", 1);
    backs(old - e->len);
    e->pos = e->len;
}

static void delete_range(struct editor *e, int from, int to)
{
    if (from >= to)
        return;
    int old = e->len;
    move_to(e, from);
    memmove(e->buf + from, e->buf + to, e->len - to);
    e->len -= to - from;
    redraw_tail(e, old);
}

static int read_key(void)
{
    unsigned char c;
    ssize_t n;
    do
        n = read(0, &c, 1);
    while (n < 0 && errno == EINTR);
    return n == 1 ? c : -1;
}

/* Decodes the rest of an escape sequence into a control character. */
static int read_escape(void)
{
    int c = read_key();
    if (c != '[' && c != 'O')
        return 0;
    c = read_key();
    if (c >= '0' && c <= '9') {
        int d = read_key();
        if (d != '~')
            return 0;
        return c == '1' || c == '7' ? 1 : c == '4' || c == '8' ? 5 : c == '3' ? 4 : 0;
    }
    switch (c) {
    case 'A': return 16; /* up = Ctrl-P */
    case 'B': return 14; /* down = Ctrl-N */
    case 'C': return 6;  /* right = Ctrl-F */
    case 'D': return 2;  /* left = Ctrl-B */
    case 'H': return 1;
    case 'F': return 5;
    }
    return 0;
}

static char *edit(const char *prompt, int *interrupted)
{
    struct editor e = { .len = 0, .pos = 0 };
    int hpos = nhistory;
    char *saved = NULL; /* the line being typed while browsing history */

    outs(prompt);
    for (;;) {
        int c = read_key();
        if (c == 27)
            c = read_escape();
        switch (c) {
        case -1:
            if (e.len == 0)
                return NULL;
            /* fall through */
        case '\r':
        case '\n':
            outs("\n");
            free(saved);
            e.buf[e.len] = '\0';
            return xstrdup(e.buf);
        case 3: /* Ctrl-C */
            outs("^C\n");
            free(saved);
            *interrupted = 1;
            return NULL;
        case 4: /* Ctrl-D */
            if (e.len == 0) {
                free(saved);
                return NULL;
            }
            delete_range(&e, e.pos, e.pos + (e.pos < e.len));
            break;
        case 127:
        case 8:
            if (e.pos > 0)
                delete_range(&e, e.pos - 1, e.pos);
            break;
        case 1: move_to(&e, 0); break;
        case 5: move_to(&e, e.len); break;
        case 2: if (e.pos > 0) move_to(&e, e.pos - 1); break;
        case 6: if (e.pos < e.len) move_to(&e, e.pos + 1); break;
        case 11: delete_range(&e, e.pos, e.len); break;
        case 21: delete_range(&e, 0, e.pos); break;
        case 23: { /* Ctrl-W: the word before the cursor */
            int p = e.pos;
            while (p > 0 && e.buf[p - 1] == ' ')
                p--;
            while (p > 0 && e.buf[p - 1] != ' ')
                p--;
            delete_range(&e, p, e.pos);
            break;
        }
        case 12: /* Ctrl-L */
            outs("\033[H\033[J");
            outs(prompt);
            out(e.buf, e.len);
            backs(e.len - e.pos);
            break;
        case 16: /* up */
            if (hpos > 0) {
                if (hpos == nhistory) {
                    e.buf[e.len] = '\0';
                    free(saved);
                    saved = xstrdup(e.buf);
                }
                replace_line(&e, history[--hpos]);
            }
            break;
        case 14: /* down */
            if (hpos < nhistory) {
                hpos++;
                replace_line(&e, hpos == nhistory ? (saved ? saved : "") : history[hpos]);
            }
            break;
        default:
            if (c >= 32 && c != 127 && e.len < (int)sizeof e.buf - 1) {
                memmove(e.buf + e.pos + 1, e.buf + e.pos, e.len - e.pos);
                e.buf[e.pos] = c;
                e.len++;
                out(e.buf + e.pos, e.len - e.pos);
                e.pos++;
                backs(e.len - e.pos);
            }
            break;
        }
    }
}

char *lineedit_read(const char *prompt, int *interrupted)
{
    struct termios saved, raw;
    *interrupted = 0;
    if (tcgetattr(0, &saved) < 0) {
        outs(prompt);
        return read_line_intr(0, interrupted);
    }
    raw = saved;
    raw.c_lflag &= ~(ICANON | ECHO | ISIG | IEXTEN);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    struct termios check;
    if (tcsetattr(0, TCSANOW, &raw) < 0 || tcgetattr(0, &check) < 0 || (check.c_lflag & (ICANON | ECHO))) {
        /* the terminal cannot do raw mode: let its line discipline edit */
        tcsetattr(0, TCSANOW, &saved);
        outs(prompt);
        return read_line_intr(0, interrupted);
    }
    char *line = edit(prompt, interrupted);
    tcsetattr(0, TCSANOW, &saved);
    if (line)
        lineedit_history_add(line);
    return line;
}
