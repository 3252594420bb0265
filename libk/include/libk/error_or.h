// Typed errors for kernel code: functions return ErrorOr<T>, callers propagate with TRY(),
// and the syscall edge turns the error into -errno once (as_syscall_result).
#pragma once

#include <libk/utility.h>
#include <new>

namespace libk {

class Error {
public:
    // `positive_errno` is an errno value such as ENOMEM (12).
    static constexpr Error from_errno(int positive_errno) { return Error(positive_errno); }
    constexpr int code() const { return m_code; }
    constexpr bool operator==(const Error&) const = default;

private:
    constexpr explicit Error(int code)
        : m_code(code)
    {
    }
    int m_code;
};

namespace detail {
// Only callable with something implicitly convertible to T.
template<typename T> void accept_implicitly(T);
template<typename U> using Bare = typename RemoveConst<typename RemoveReference<U>::Type>::Type;
} // namespace detail

// With sanitizers at -O2, GCC loses track of which union member is live and warns
// falsely about m_value; the m_is_error checks make every read safe.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

// Either a T or an Error. Reading the value of an error is a bug and traps.
template<typename T>
class [[nodiscard]] ErrorOr {
public:
    ErrorOr(const T& value)
        : m_is_error(false)
    {
        new (&m_value) T(value);
    }
    ErrorOr(T&& value)
        : m_is_error(false)
    {
        new (&m_value) T(libk::move(value));
    }
    // Lets `return 0;` work for ErrorOr<long>, `return nullptr;` for ErrorOr<Foo*>, ...
    template<typename U>
        requires(!is_same<detail::Bare<U>, T> && !is_same<detail::Bare<U>, Error>
            && !is_same<detail::Bare<U>, ErrorOr<T>>
            && requires(U&& u) { detail::accept_implicitly<T>(libk::forward<U>(u)); })
    ErrorOr(U&& value)
        : m_is_error(false)
    {
        new (&m_value) T(libk::forward<U>(value));
    }
    ErrorOr(Error error)
        : m_error(error)
        , m_is_error(true)
    {
    }
    ErrorOr(const ErrorOr& other) { copy_from(other); }
    ErrorOr(ErrorOr&& other) { move_from(other); }
    ErrorOr& operator=(const ErrorOr& other)
    {
        if (this != &other) {
            destroy();
            copy_from(other);
        }
        return *this;
    }
    ErrorOr& operator=(ErrorOr&& other)
    {
        if (this != &other) {
            destroy();
            move_from(other);
        }
        return *this;
    }
    ~ErrorOr() { destroy(); }

    bool is_error() const { return m_is_error; }
    Error error() const { return m_error; }

    T& value()
    {
        check_value();
        return m_value;
    }
    const T& value() const
    {
        check_value();
        return m_value;
    }
    // Moves the value out (TRY uses this, so move-only types work).
    T release_value()
    {
        check_value();
        return libk::move(m_value);
    }

private:
    void check_value() const
    {
        if (m_is_error)
            __builtin_trap();
    }
    void copy_from(const ErrorOr& other)
    {
        m_is_error = other.m_is_error;
        m_error = other.m_error;
        if (!m_is_error)
            new (&m_value) T(other.m_value);
    }
    void move_from(ErrorOr& other)
    {
        m_is_error = other.m_is_error;
        m_error = other.m_error;
        if (!m_is_error)
            new (&m_value) T(libk::move(other.m_value));
    }
    void destroy()
    {
        if (!m_is_error)
            m_value.~T();
    }

    // Only one of these is meaningful: m_value when !m_is_error, m_error otherwise.
    union {
        T m_value;
    };
    Error m_error { Error::from_errno(0) };
    bool m_is_error;
};

template<>
class [[nodiscard]] ErrorOr<void> {
public:
    ErrorOr() = default;
    ErrorOr(Error error)
        : m_error(error)
        , m_is_error(true)
    {
    }

    bool is_error() const { return m_is_error; }
    Error error() const { return m_error; }
    // Nothing to release; exists so TRY works on ErrorOr<void>.
    void release_value() const { }

private:
    Error m_error { Error::from_errno(0) };
    bool m_is_error { false };
};

// The syscall edge: an error becomes -errno, a value becomes the return register.
template<typename T>
long as_syscall_result(const ErrorOr<T>& result)
{
    return result.is_error() ? -static_cast<long>(result.error().code()) : static_cast<long>(result.value());
}
template<typename T>
long as_syscall_result(const ErrorOr<T*>& result)
{
    return result.is_error() ? -static_cast<long>(result.error().code()) : reinterpret_cast<long>(result.value());
}
inline long as_syscall_result(const ErrorOr<void>& result)
{
    return result.is_error() ? -static_cast<long>(result.error().code()) : 0;
}

#pragma GCC diagnostic pop

} // namespace libk

// Evaluates `expression` (an ErrorOr); on error returns that error from the enclosing
// function (which must return some ErrorOr), otherwise yields the released value.
#define TRY(expression)                                   \
    ({                                                    \
        auto _try_result = (expression);                  \
        if (_try_result.is_error())                       \
            return _try_result.error();                   \
        _try_result.release_value();                      \
    })
