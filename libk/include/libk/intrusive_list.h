// A doubly linked list whose links live inside the listed objects (Linux's list_head),
// so adding an object never allocates. Objects embed a ListNode; the list names it:
//     struct Task { ListNode run_node; ... };
//     constinit IntrusiveList<Task, &Task::run_node> run_queue;
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace libk {

// Both pointers are null while the node is on no list. next first, as in Linux's
// struct list_head: modules walk the task list through it (task_struct::tasks).
struct ListNode {
    ListNode* next { nullptr };
    ListNode* prev { nullptr };
};

// The list is circular through a sentinel node inside the list object. A zeroed sentinel
// means "empty"; it links to itself on the first insertion. That keeps the constructor
// trivial for constinit globals and means every linked node has non-null pointers.
// The list must not be moved while it has elements (nodes point at its sentinel).
//
// Removing the element the loop is visiting is safe in a range-for, because the iterator
// reads `next` before the body runs:
//     for (Task& task : run_queue)
//         if (task.done) run_queue.remove(task);
// Removing any *other* element during the loop is not safe.
template<typename T, ListNode T::*member>
class IntrusiveList {
public:
    constexpr IntrusiveList() = default;
    IntrusiveList(const IntrusiveList&) = delete;
    IntrusiveList& operator=(const IntrusiveList&) = delete;

    static bool is_linked(const ListNode& node) { return node.next != nullptr; }

    bool is_empty() const { return m_sentinel.next == nullptr || m_sentinel.next == &m_sentinel; }

    size_t size() const
    {
        size_t count = 0;
        for (const ListNode* node = first_node(); node != &m_sentinel; node = node->next)
            ++count;
        return count;
    }

    // The element must not be on any list.
    void push_back(T& element) { insert_between(node_of(element), last_node(), &m_sentinel); }
    void push_front(T& element) { insert_between(node_of(element), &m_sentinel, first_node()); }

    // Unlinks the element (which must be on this list, or on none: then nothing happens).
    void remove(T& element)
    {
        ListNode* node = node_of(element);
        if (!is_linked(*node))
            return;
        node->prev->next = node->next;
        node->next->prev = node->prev;
        node->prev = node->next = nullptr;
    }

    // The element after `element` (which must be on this list), nullptr after the last.
    T* next_of(T& element)
    {
        ListNode* node = node_of(element)->next;
        return node == &m_sentinel ? nullptr : element_of(node);
    }

    // nullptr when empty.
    T* front() { return is_empty() ? nullptr : element_of(m_sentinel.next); }
    T* back() { return is_empty() ? nullptr : element_of(m_sentinel.prev); }

    // Unlinks and returns the first element, or nullptr when empty.
    T* pop_front()
    {
        T* element = front();
        if (element)
            remove(*element);
        return element;
    }

    bool contains(const T& element) const
    {
        const ListNode* wanted = &(element.*member);
        for (const ListNode* node = first_node(); node != &m_sentinel; node = node->next)
            if (node == wanted)
                return true;
        return false;
    }

    class Iterator {
    public:
        Iterator(ListNode* node, const ListNode* end)
            : m_node(node)
            , m_next(node == end ? node : node->next)
            , m_end(end)
        {
        }
        T& operator*() const { return *element_of(m_node); }
        T* operator->() const { return element_of(m_node); }
        // Moves to the `next` saved before the current element could be removed.
        Iterator& operator++()
        {
            m_node = m_next;
            if (m_node != m_end)
                m_next = m_node->next;
            return *this;
        }
        bool operator==(const Iterator& other) const { return m_node == other.m_node; }

    private:
        ListNode* m_node;
        ListNode* m_next;
        const ListNode* m_end;
    };

    Iterator begin() { return { first_node(), &m_sentinel }; }
    Iterator end() { return { &m_sentinel, &m_sentinel }; }

private:
    static ListNode* node_of(T& element) { return &(element.*member); }

    // container_of: where `member` sits inside T, measured on a fake aligned address
    // (no object is touched; only the address arithmetic is used).
    static T* element_of(ListNode* node)
    {
        auto* fake = reinterpret_cast<T*>(uintptr_t { 4096 });
        auto offset = reinterpret_cast<uintptr_t>(&(fake->*member)) - uintptr_t { 4096 };
        return reinterpret_cast<T*>(reinterpret_cast<uintptr_t>(node) - offset);
    }

    ListNode* first_node() const
    {
        auto* sentinel = const_cast<ListNode*>(&m_sentinel);
        return m_sentinel.next ? m_sentinel.next : sentinel;
    }
    ListNode* last_node()
    {
        return m_sentinel.prev ? m_sentinel.prev : &m_sentinel;
    }

    void insert_between(ListNode* node, ListNode* prev, ListNode* next)
    {
        node->prev = prev;
        node->next = next;
        prev->next = node;
        next->prev = node;
    }

    ListNode m_sentinel;
};

} // namespace libk
