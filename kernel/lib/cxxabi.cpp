// The C++ runtime the compiler expects: new/delete on kmalloc, global
// constructors, static-local guards, pure virtual calls. No exceptions, no RTTI.
#include <kernel/mm.h>
#include <kernel/panic.h>
#include <new>

extern "C" {
using Constructor = void (*)();
extern const Constructor __init_array_start[], __init_array_end[];
void* __dso_handle = nullptr;

// Destructors of globals never run: the kernel does not exit.
int __cxa_atexit(void (*)(void*), void*, void*) { return 0; }

void __cxa_pure_virtual() { panic("pure virtual method called"); }

// One CPU: a guard is taken with interrupts off, so an interrupt handler
// touching the same static cannot see it half-built.
int __cxa_guard_acquire(uint64_t* guard) { return !*reinterpret_cast<volatile char*>(guard); }
void __cxa_guard_release(uint64_t* guard) { *reinterpret_cast<volatile char*>(guard) = 1; }
void __cxa_guard_abort(uint64_t*) { }
}

void do_global_ctors()
{
    for (const Constructor* ctor = __init_array_start; ctor < __init_array_end; ++ctor)
        (*ctor)();
}

// Allocation failure is explicit: new returns nullptr (built with -fcheck-new).
void* operator new(size_t size) { return kmalloc(size, GFP_KERNEL); }
void* operator new[](size_t size) { return kmalloc(size, GFP_KERNEL); }
void* operator new(size_t size, const std::nothrow_t&) noexcept { return kmalloc(size, GFP_KERNEL); }
void* operator new[](size_t size, const std::nothrow_t&) noexcept { return kmalloc(size, GFP_KERNEL); }
void operator delete(void* pointer) noexcept { kfree(pointer); }
void operator delete[](void* pointer) noexcept { kfree(pointer); }
void operator delete(void* pointer, size_t) noexcept { kfree(pointer); }
void operator delete[](void* pointer, size_t) noexcept { kfree(pointer); }
