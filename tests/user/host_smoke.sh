#!/bin/bash
# host_smoke.sh BIN_DIR - runs kernlab's user programs (static i386 Linux binaries)
# on the host and compares their output with what they must print.
# Every snippet runs under kernlab's own sh with PATH holding only BIN_DIR, so no
# host command takes part. Exits non-zero if any check fails.
set -u
BIN=$(cd "${1:?usage: host_smoke.sh BIN_DIR}" && pwd)
WORK=$(mktemp -d /tmp/kernlab-smoke.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
PASS=0
FAIL=0

# The programs under their installed names, in a directory of their own.
mkdir -p "$WORK/bin" "$WORK/t"
for f in "$BIN"/*; do
    [ -f "$f" ] && [ -x "$f" ] && ln -s "$f" "$WORK/bin/$(basename "$f")"
done
# /bin/[ is not installed (sh runs test as "[" when it finds none); a bracket build is used if present
[ -e "$BIN/bracket" ] && ln -s "$BIN/bracket" "$WORK/bin/["
T=$WORK/t

# run SNIPPET: kernlab sh -c SNIPPET in a fresh copy of the fixtures in $T,
# stdout and stderr together
run() {
    local dir
    dir=$(mktemp -d "$WORK/check.XXXXXX")
    cp -p "$T"/* "$dir"
    (cd "$dir" && env -i PATH="$WORK/bin" HOME=/root "$WORK/bin/sh" -c "$1" 2>&1)
}

# expect NAME EXPECTED SNIPPET: output must equal EXPECTED exactly
expect() {
    local got
    got=$(run "$3")
    if [ "$got" == "$2" ]; then
        PASS=$((PASS + 1))
    else
        FAIL=$((FAIL + 1))
        echo "FAIL: $1"
        echo "  command:  $3"
        echo "  expected: $(printf '%q' "$2")"
        echo "  got:      $(printf '%q' "$got")"
    fi
}

# expect_match NAME REGEX SNIPPET: output must match the extended REGEX (whole output)
expect_match() {
    local got
    got=$(run "$3")
    if [[ "$got" =~ ^$2$ ]]; then
        PASS=$((PASS + 1))
    else
        FAIL=$((FAIL + 1))
        echo "FAIL: $1"
        echo "  command:  $3"
        echo "  pattern:  $2"
        echo "  got:      $(printf '%q' "$got")"
    fi
}

printf 'hello\nworld\n' > "$T/hw"
printf 'one two three\nfour five\nsix\n' > "$T/words"
printf 'apple\nBanana\ncherry\napricot\nbanana split\n' > "$T/fruit"

# ---- sh ----
expect "sh echo"            "hello world"        'echo hello world'
expect "sh pipeline"        "3"                  'echo a b c | wc -w'
expect "sh 3-stage pipe"    "2"                  'cat fruit | grep -i banana | wc -l'
expect "sh quotes"          "a  b \$X c'd e\\f"  "X=1; echo \"a  b\" '\$X' c\\'d \"e\\\\f\""
expect "sh variables"       "5 5y 5 /root"       'X=5; echo $X ${X}y "$X" $HOME'
expect "sh \$? and ;"       "1 0"                'false; a=$?; true; echo $a $?'
expect "sh && ||"           $'and\nor'           'true && echo and; false && echo no; false || echo or; true || echo no2'
expect "sh > and <"         "hello"              'echo hello > out; cat < out'
expect "sh >>"              $'a\nb'              'echo a > out; echo b >> out; cat out'
expect "sh 2> and 2>&1"     $'1\n0'              'ls /nonexistent 2> err; wc -l < err; ls /nonexistent 2>&1 >/dev/null | grep -c nothere'
expect "sh 2>&1 in pipe"    "1"                  'ls /nonexistent 2>&1 | grep -c nonexistent'
expect "sh glob"            "fruit hw words"     'echo *'
expect "sh quoted glob"     "*"                  'echo "*"'
expect "sh cd pwd"          $'/\n/root'          'cd /; pwd; cd; echo $PWD'
expect "sh export"          "FOO=bar"            'export FOO=bar; env | grep FOO'
expect "sh prefix assign"  $'A=1\nunset'        'A=1 env | grep ^A=; echo ${A:-unset}'
expect "sh unset"           "[]"                 'X=1; unset X; echo "[$X]"'
expect "sh \$\$"            "same"               'a=$$; b=$$; test $a -eq $b && echo same'
expect "sh background"      "done"               'sleep 0.1 & wait; echo done'
expect "sh not found"       $'sh: nosuchcmd: command not found\n127' 'nosuchcmd; echo $?'
expect "sh exit status"     "7"                  'sh -c "exit 7"; echo $?'
expect "sh \$(cmd)"          "[3] words 3"        'echo "[$(wc -l < words)]" $(echo words $(cat words | wc -l))'
expect "sh comment"         "a"                  'echo a # b c'
expect "sh backslash"       "a b"                'echo a\ b'
expect "sh SIGSEGV"         $'fault: null\nSegmentation fault\n139' 'fault null; echo $?'
expect "sh SIGILL"          $'fault: ill\nIllegal instruction\n132' 'fault ill; echo $?'
expect "sh SIGFPE"          $'fault: div\nFloating point exception\n136' 'fault div; echo $?'
expect "sh kernel address"  $'fault: kernel\nSegmentation fault\n139' 'fault kernel; echo $?'
expect "sh Killed"          $'Killed\n137'       'sh -c "kill -9 \$\$"; echo $?'
expect "sh script"          $'script x 2\n4'     'echo "echo script \$1 \$#; exit 4" > s.sh; sh s.sh x y; echo $?'
expect "sh stdin"           "from stdin"         'echo "echo from stdin" | sh'

# ---- files ----
expect "cat"                $'hello\nworld'      'cat hw'
expect "cat -n"             $'     1\thello\n     2\tworld' 'cat -n hw'
expect "cat stdin -"        $'x\nhello\nworld'   'echo x | cat - hw'
expect "cat missing"        "cat: nofile: No such file or directory" 'cat nofile'
expect "echo -n -e"         $'a\tb|c'            'echo -n -e "a\tb"; echo "|c"'
expect "mkdir -p rmdir"     $'c\nb'              'mkdir -p a/b/c && ls a/b && rmdir a/b/c && ls a && rm -r a'
expect "mkdir exists"       "mkdir: cannot create directory 'hw': File exists" 'mkdir hw'
expect "rm -rf"             "gone"               'mkdir -p r/s && touch r/s/f && rm -rf r nothere && test ! -e r && echo gone'
expect "rm dir without -r"  "rm: cannot remove 'd1': Is a directory" 'mkdir d1; rm d1'
expect "touch"              "0"                  'touch newfile && wc -c < newfile'
expect "cp"                 $'hello\nworld'      'cp hw hw2 && cat hw2'
expect "cp -r"              "hello"              'mkdir -p src/in && echo hello > src/in/f && cp -r src dst && cat dst/in/f'
expect "cp into dir"        "world"              'mkdir cpd && cp hw cpd && tail -n 1 cpd/hw'
expect "mv"                 "hello"              'echo hello > m1 && mv m1 m2 && test ! -e m1 && cat m2'
expect "ln -s"              "hello"              'ln -s hw link && head -n 1 link'
expect "ln hard"            "1"                  'ln hw hard && stat hard | grep -c Links:.2 && rm hard' 
expect "ls -1"              $'fruit\nhw\nwords'  'ls -1'
expect "ls -a"              $'.\n..\nfruit\nhw\nwords' 'ls -a'
expect "ls dirs"            $'hw\n\nd:\nx'       'mkdir d && touch d/x && ls hw d'
expect_match "ls -l file"   '-rw-r--r--    1 [a-z0-9]+ +[a-z0-9]+ +12 [A-Z][a-z][a-z] [ 0-9][0-9] ([0-9][0-9]:[0-9][0-9]| [0-9]{4}) hw' 'ls -l hw'
expect_match "ls -ld dir"   'd[-rwx]{9} +[0-9]+ [a-z0-9]+ +[a-z0-9]+ +[0-9]+ .* \.' 'ls -ld .'
expect_match "ls -l symlink" 'lrwxrwxrwx +1 .* lnk -> hw' 'ln -s hw lnk && ls -l lnk'
expect_match "ls -l device" 'crw-rw-rw- +1 root +root +1, +3 .* /dev/null' 'ls -l /dev/null'
expect_match "ls -l total"  'total [0-9]+
-.* fruit
-.* hw
-.* words' 'ls -l'
expect_match "stat"         '  File: hw
  Size: 12 +	Blocks: [0-9]+ +IO Block: [0-9]+ +regular file
Device: [0-9]+,[0-9]+	Inode: [0-9]+ +Links: 1
Access: \(0644/-rw-r--r--\)  Uid: \( +[0-9]+/ *[a-z0-9]+\)   Gid: \( +[0-9]+/ *[a-z0-9]+\)
Access: .*
Modify: .*
Change: .*
 Birth: -' 'stat hw'

# ---- text ----
expect "grep"               $'apple\napricot'    'grep ap fruit'
expect "grep -i"            $'Banana\nbanana split' 'grep -i BANANA fruit'
expect "grep -v -c"         "3"                  'grep -v -c an fruit'
expect "grep -n"            $'2:Banana\n5:banana split' 'grep -n -i ^b fruit'
expect "grep regex"         $'apple\napricot'    'grep "^a.*[et]$" fruit'
expect "grep no match"      "1"                  'grep zzz fruit; echo $?'
expect "grep files"         $'hw:hello\nwords:one two three' 'grep -e "o" hw words | grep -v world | grep -v four'
expect "head -n"            $'one two three\nfour five' 'head -n 2 words'
expect "head -N"            "apple"              'head -1 fruit'
expect "tail -n"            $'four five\nsix'    'tail -n 2 words'
expect "tail stdin"         "banana split"       'cat fruit | tail -n 1'
expect "wc"                 "      3       6      28" 'cat words | wc'
expect "wc -l -w -c"        $' 3  6 28 words'    'wc -l -w -c words'
expect "wc -l"              "3"                  'wc -l < words'
expect "wc total"           $' 2  2 12 hw\n 3  6 28 words\n 5  8 40 total' 'wc hw words'
expect "hexdump -C"         $'00000000  68 65 6c 6c 6f 0a 77 6f  72 6c 64 0a              |hello.world.|\n0000000c' 'hexdump -C hw'
expect "hexdump"            $'0000000 6568 6c6c 0a6f 6f77 6c72 0a64\n000000c' 'hexdump hw'
expect "hexdump squeeze"    $'00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n*\n00000030  00 00 00 00                                       |....|\n00000034' 'dd if=/dev/zero bs=52 count=1 2>/dev/null | hexdump -C'
expect "od"                 $'0000000 062550 066154 005157 067567 066162 005144\n0000014' 'od hw'
expect "od -x"              $'0000000 6568 6c6c 0a6f 6f77 6c72 0a64\n0000014' 'od -x hw'
expect "od -c"              $'0000000   h   e   l   l   o  \\n   w   o   r   l   d  \\n\n0000014' 'od -c hw'
expect_match "dd"           '2048\+0 records in
2048\+0 records out
1048576 bytes \(1\.0 MB, 1\.0 MiB\) copied, [0-9.]+ s, [0-9.]+ [kMG]?B/s
1048576' 'dd if=/dev/zero of=z bs=512 count=2048; wc -c < z'
expect "dd skip seek"       $'1+0 records in\n1+0 records out\nxxxxhell' 'echo -n xxxxxxxx > dst8; dd if=hw of=dst8 bs=4 skip=0 seek=1 count=1 conv=notrunc 2>&1 | grep records; cat dst8; echo'
expect "dd partial"         "0+1 records in"     'dd if=hw of=/dev/null bs=100 2>&1 | head -n 1'

# ---- test / [ ----
expect "test"               "1 0 0 1 0 0 0 1"    'test -f hw; a=$?; test -d hw; b=$?; test -d .; c=$?; test -z x; d=$?; test -n x; e=$?; test 3 -lt 4; f=$?; test a = a; g=$?; test a != a; echo $d $e $a $b $c $f $g $?' 
expect "["                  "ok"                 '[ -e hw ] && [ ! -e nothere ] && [ 5 -ge 5 ] && [ 2 -ne 3 ] && echo ok'
expect "[ missing ]"        "[: missing ']'"     '[ -e hw'

# ---- system ----
expect "true false"         "0 1"                'true; a=$?; false; echo $a $?'
expect "sleep"              "0"                  'sleep 0.1; echo $?'
expect "env"                "X=1"                'env -i X=1 env'
expect "env run"            "hi"                 'env Y=2 echo hi'
expect "kill"               "143"                'sleep 5 & kill $!; wait $!; echo $?'
expect "kill -9"            "137"                'sleep 5 & kill -9 $!; wait $!; echo $?'
expect "kill -s"            "129"                'sleep 5 & kill -s HUP $!; wait $!; echo $?'
expect "kill -l"            "KILL"               'kill -l 9'
expect "uname"              "Linux"              'uname'
expect_match "uname -a"     'Linux [^ ]+ [^ ]+ .* [a-z0-9_]+ GNU/Linux' 'uname -a'
expect "uname -sr"          "Linux $(uname -r)"  'uname -s -r'
expect "whoami"             "$(id -un)"          'whoami'
expect "id"                 "$(id)"              'id'
expect "id -u"              "$(id -u)"           'id -u'
expect "ps header"          "  PID TTY          TIME CMD" 'ps | head -n 1'
expect "ps sees itself"     "1"                  'ps -e | grep -c " ps$"'
expect_match "ps -ef"       'UID +PID +PPID +C STIME TTY +TIME CMD' 'ps -ef | head -n 1'
expect "free header"        "               total        used        free      shared  buff/cache   available" 'free | head -n 1'
expect_match "free"         'Mem: +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+' 'free | grep Mem'
expect_match "free -m"      'Mem: +[0-9]+ +[0-9]+ .*
Swap: +[0-9]+ +[0-9]+ +[0-9]+' 'free -m | tail -n 2'
expect_match "uptime"       ' [0-9]{2}:[0-9]{2}:[0-9]{2} up +([0-9]+ days?, +)?([0-9]+ min|[ 0-9]+:[0-9]{2}),  1 user,  load average: [0-9.]+, [0-9.]+, [0-9.]+' 'uptime'
expect "mount lists"        "1"                  'mount | grep -c "^proc on /proc type proc"'
expect "dmesg strips <N>"   "0"                  'dmesg 2>/dev/null | grep -c "^<"'
expect "clear"              $'0000000 033   [   H 033   [   J\n0000006' 'clear | od -c'
expect "sync"               "0"                  'sync; echo $?'

# ---- course test programs ----
expect_match "syscall_test" 'testing system call\.\.\.
executed with return value -?[0-9]+' 'syscall_test'
expect_match "efault_test"  '(.*
)?efault_test: 12 passed, 0 failed' 'efault_test'
expect_match "forkstress"   "forkstress: 5 runs of $WORK/bin/true: 5 ok, 0 failed, [0-9]+ ms" "forkstress 5 $WORK/bin/true"
expect "init --check"       $'init: /dev/zero read 16 zero bytes\ninit: /dev/null accepted 16 bytes' 'init --check | grep "/dev/"'

echo "host_smoke: $PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
