// Self-test of the C++ runtime: global constructors ran, new/delete work,
// function-local statics are built once.
#include <kernel/ktest.h>

namespace {

struct BuiltAtBoot {
    BuiltAtBoot() : value(42) { }
    int value;
};
BuiltAtBoot built_at_boot;   // only correct if do_global_ctors() ran

int constructions = 0;
struct CountedLocal {
    CountedLocal() { ++constructions; }
};

void touch_local_static()
{
    static CountedLocal local;
    (void)local;
}

struct Node {
    int payload[10];
};

} // namespace

KTEST(cxx_runtime)
{
    KTEST_EXPECT(built_at_boot.value == 42);
    touch_local_static();
    touch_local_static();
    KTEST_EXPECT(constructions == 1);
    Node* node = new Node { { 1, 2, 3 } };
    KTEST_EXPECT(node != nullptr && node->payload[2] == 3 && node->payload[9] == 0);
    delete node;
    int* array = new int[1000];
    KTEST_EXPECT(array != nullptr);
    delete[] array;
}
