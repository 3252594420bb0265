/* parse.c - splits shell input into tokens and builds and-or lists of pipelines. */
#include <stdlib.h>
#include <string.h>
#include "sh.h"

enum tok_kind { T_WORD, T_REDIR, T_PIPE, T_AND, T_OR, T_SEMI, T_AMP, T_NL, T_END, T_BAD };

struct token {
    enum tok_kind kind;
    char *word;          /* T_WORD: raw text */
    struct redir redir;  /* T_REDIR (word filled in by the parser) */
    int both;            /* &> : stdout and stderr */
    const char *start, *end;
};

struct parser {
    const char *p;
    struct token tok;    /* lookahead */
    int incomplete;      /* input ended inside a quote or after an operator */
    int error;
};

static int is_blank(char c) { return c == ' ' || c == '\t'; }
static int is_meta(char c) { return c == '|' || c == '&' || c == ';' || c == '<' || c == '>' || c == '\n' || c == '\0'; }

/* Scans one word, keeping its quotes for expand.c; returns NULL if a quote is open. */
static char *scan_word(struct parser *ps)
{
    const char *s = ps->p;
    struct strbuf sb = {0};
    while (*s && !is_blank(*s) && !is_meta(*s)) {
        char c = *s;
        if (c == '\\') {
            if (s[1] == '\0') { ps->incomplete = 1; break; }
            if (s[1] == '\n') { s += 2; continue; } /* line continuation */
            sb_addc(&sb, c);
            sb_addc(&sb, s[1]);
            s += 2;
        } else if (c == '\'' || c == '"') {
            sb_addc(&sb, c);
            s++;
            while (*s && *s != c) {
                if (c == '"' && *s == '\\' && s[1]) {
                    sb_addc(&sb, *s++);
                }
                sb_addc(&sb, *s++);
            }
            if (!*s) { ps->incomplete = 1; break; }
            sb_addc(&sb, *s++);
        } else if (c == '$' && s[1] == '(') { /* command substitution, kept whole */
            int depth = 0;
            char q = 0;
            sb_addc(&sb, *s++); /* the '$' */
            do {
                if (q) {
                    if (*s == q)
                        q = 0;
                } else if (*s == '\'' || *s == '"') {
                    q = *s;
                } else if (*s == '(') {
                    depth++;
                } else if (*s == ')') {
                    depth--;
                }
                sb_addc(&sb, *s++);
            } while (*s && depth > 0);
            if (depth > 0) { ps->incomplete = 1; break; }
        } else if (c == '$' && s[1] == '{') {
            while (*s && *s != '}')
                sb_addc(&sb, *s++);
            if (!*s) { ps->incomplete = 1; break; }
            sb_addc(&sb, *s++);
        } else {
            sb_addc(&sb, c);
            s++;
        }
    }
    ps->p = s;
    if (ps->incomplete) {
        free(sb.s);
        return NULL;
    }
    return sb_take(&sb);
}

static void next(struct parser *ps)
{
    struct token *t = &ps->tok;
    const char *s = ps->p;
    memset(t, 0, sizeof *t);
    for (;;) {
        while (is_blank(*s))
            s++;
        if (s[0] == '\\' && s[1] == '\n') { s += 2; continue; }
        if (*s == '#') {
            while (*s && *s != '\n')
                s++;
        }
        break;
    }
    t->start = s;
    /* optional fd number in front of < or > */
    const char *d = s;
    int fd = -1;
    while (*d >= '0' && *d <= '9')
        d++;
    if (d > s && (*d == '<' || *d == '>')) {
        fd = atoi(s);
        s = d;
    }
    switch (*s) {
    case '\0': t->kind = T_END; break;
    case '\n': t->kind = T_NL; s++; break;
    case ';': t->kind = T_SEMI; s++; break;
    case '|':
        if (s[1] == '|') { t->kind = T_OR; s += 2; }
        else { t->kind = T_PIPE; s++; }
        break;
    case '&':
        if (s[1] == '&') { t->kind = T_AND; s += 2; }
        else if (s[1] == '>') { t->kind = T_REDIR; t->both = 1; t->redir.fd = 1; t->redir.kind = R_OUT; s += 2; }
        else { t->kind = T_AMP; s++; }
        break;
    case '<':
        t->kind = T_REDIR;
        t->redir.fd = fd >= 0 ? fd : 0;
        t->redir.kind = R_IN;
        s++;
        break;
    case '>':
        t->kind = T_REDIR;
        t->redir.fd = fd >= 0 ? fd : 1;
        if (s[1] == '>') { t->redir.kind = R_APPEND; s += 2; }
        else if (s[1] == '&') {
            const char *e = s + 2;
            t->redir.kind = R_DUP;
            if (*e == '-') { t->redir.dupfd = -1; e++; }
            else if (*e >= '0' && *e <= '9') { t->redir.dupfd = atoi(e); while (*e >= '0' && *e <= '9') e++; }
            else { t->kind = T_BAD; }
            s = e;
        } else { t->redir.kind = R_OUT; s++; }
        break;
    default:
        ps->p = s;
        t->kind = T_WORD;
        t->word = scan_word(ps);
        if (!t->word)
            t->kind = T_END;
        s = ps->p;
        break;
    }
    t->end = s;
    ps->p = s;
}

static const char *tok_name(struct token *t)
{
    switch (t->kind) {
    case T_PIPE: return "|";
    case T_AND: return "&&";
    case T_OR: return "||";
    case T_SEMI: return ";";
    case T_AMP: return "&";
    case T_NL: case T_END: return "newline";
    case T_REDIR: return t->redir.kind == R_IN ? "<" : ">";
    default: return "?";
    }
}

static void syntax_error(struct parser *ps)
{
    if (ps->incomplete || ps->error)
        return;
    sh_error("syntax error near unexpected token `%s'", tok_name(&ps->tok));
    ps->error = 1;
}

static int parse_command(struct parser *ps, struct command *c)
{
    memset(c, 0, sizeof *c);
    while (ps->tok.kind == T_WORD || ps->tok.kind == T_REDIR) {
        if (ps->tok.kind == T_WORD) {
            c->words = xrealloc(c->words, sizeof(char *) * (c->nwords + 2));
            c->words[c->nwords++] = ps->tok.word;
            c->words[c->nwords] = NULL;
            next(ps);
            continue;
        }
        struct token r = ps->tok;
        if (r.redir.kind != R_DUP) {
            next(ps);
            if (ps->tok.kind != T_WORD) {
                syntax_error(ps);
                return -1;
            }
            r.redir.word = ps->tok.word;
        }
        c->redirs = xrealloc(c->redirs, sizeof(struct redir) * (c->nredirs + 2));
        c->redirs[c->nredirs++] = r.redir;
        if (r.both) /* &>file is >file 2>&1 */
            c->redirs[c->nredirs++] = (struct redir){ .fd = 2, .kind = R_DUP, .dupfd = 1 };
        next(ps);
    }
    if (ps->tok.kind == T_BAD) {
        sh_error("syntax error: bad redirection");
        ps->error = 1;
        return -1;
    }
    if (c->nwords == 0 && c->nredirs == 0) {
        if (ps->tok.kind == T_END && !ps->error)
            ps->incomplete = 1; /* e.g. "a |" at the end of a line */
        else
            syntax_error(ps);
        return -1;
    }
    return 0;
}

static int parse_pipeline(struct parser *ps, struct pipeline *pl)
{
    memset(pl, 0, sizeof *pl);
    for (;;) {
        pl->cmds = xrealloc(pl->cmds, sizeof(struct command) * (pl->ncmds + 1));
        if (parse_command(ps, &pl->cmds[pl->ncmds]) < 0)
            return -1;
        pl->ncmds++;
        if (ps->tok.kind != T_PIPE)
            return 0;
        next(ps);
        while (ps->tok.kind == T_NL)
            next(ps);
    }
}

static int parse_andor(struct parser *ps, struct andor *ao)
{
    memset(ao, 0, sizeof *ao);
    const char *start = ps->tok.start, *end;
    for (;;) {
        ao->pipes = xrealloc(ao->pipes, sizeof(struct pipeline) * (ao->npipes + 1));
        ao->ops = xrealloc(ao->ops, sizeof(enum andor_op) * (ao->npipes + 1));
        if (parse_pipeline(ps, &ao->pipes[ao->npipes]) < 0) {
            ao->npipes++; /* so free_list frees the partial pipeline */
            return -1;
        }
        ao->npipes++;
        end = ps->tok.start;
        if (ps->tok.kind != T_AND && ps->tok.kind != T_OR)
            break;
        ao->ops[ao->npipes - 1] = ps->tok.kind == T_AND ? OP_AND : OP_OR;
        next(ps);
        while (ps->tok.kind == T_NL)
            next(ps);
    }
    while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
        end--;
    ao->text = xmalloc(end - start + 1);
    memcpy(ao->text, start, end - start);
    ao->text[end - start] = '\0';
    return 0;
}

static void free_command(struct command *c)
{
    for (int i = 0; i < c->nwords; i++)
        free(c->words[i]);
    for (int i = 0; i < c->nredirs; i++)
        free(c->redirs[i].word);
    free(c->words);
    free(c->redirs);
}

void free_list(struct andor *list, int n)
{
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < list[i].npipes; j++) {
            for (int k = 0; k < list[i].pipes[j].ncmds; k++)
                free_command(&list[i].pipes[j].cmds[k]);
            free(list[i].pipes[j].cmds);
        }
        free(list[i].pipes);
        free(list[i].ops);
        free(list[i].text);
    }
    free(list);
}

enum parse_result parse_input(const char *src, struct andor **listp, int *np)
{
    struct parser ps = { .p = src };
    struct andor *list = NULL;
    int n = 0;
    next(&ps);
    for (;;) {
        while (ps.tok.kind == T_NL || ps.tok.kind == T_SEMI)
            next(&ps);
        if (ps.tok.kind == T_END)
            break;
        list = xrealloc(list, sizeof(struct andor) * (n + 1));
        int rc = parse_andor(&ps, &list[n]);
        n++;
        if (rc < 0)
            break;
        if (ps.tok.kind == T_AMP) {
            list[n - 1].background = 1;
            next(&ps);
        } else if (ps.tok.kind != T_SEMI && ps.tok.kind != T_NL && ps.tok.kind != T_END) {
            syntax_error(&ps);
            break;
        }
    }
    if (ps.tok.kind == T_WORD)
        free(ps.tok.word);
    if (ps.incomplete || ps.error) {
        free_list(list, n);
        *listp = NULL;
        *np = 0;
        return ps.incomplete ? PARSE_INCOMPLETE : PARSE_ERROR;
    }
    *listp = list;
    *np = n;
    return PARSE_OK;
}
