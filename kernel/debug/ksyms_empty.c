/* The symbol table of the first link: empty. The second link replaces this file
 * with one generated from the first (toolchain/gen-ksyms.sh). */
#include "ksyms_layout.h"

KSYMS_SECTION const unsigned int kernlab_ksyms_count = 0;
KSYMS_SECTION const struct kernlab_ksym kernlab_ksyms[1] = { { 0, 0, 0, 0 } };
KSYMS_SECTION const char kernlab_ksym_names[1] = "";
