// The 8250/16550 UART on COM1 (I/O port 0x3F8, IRQ 4): the serial console "ttyS0",
// written by polling, and received characters fed to the tty layer.
#include "serial.h"

#include <arch/x86.h>
#include <kernel/initcall.h>
#include <kernel/irq.h>
#include <kernel/printk.h>
#include <kernel/tty.h>
#include <linux/errno.h>

namespace {

constexpr uint16_t com1_base = 0x3F8;
constexpr unsigned com1_irq = 4;

// Register offsets from the base port, with Linux's names (include/uapi/linux/serial_reg.h).
constexpr uint16_t UART_RX = 0;  // receive buffer (read, DLAB = 0)
constexpr uint16_t UART_TX = 0;  // transmit holding (write, DLAB = 0)
constexpr uint16_t UART_DLL = 0; // divisor latch low (DLAB = 1)
constexpr uint16_t UART_IER = 1; // interrupt enable (DLAB = 0)
constexpr uint16_t UART_DLM = 1; // divisor latch high (DLAB = 1)
constexpr uint16_t UART_FCR = 2; // FIFO control (write)
constexpr uint16_t UART_LCR = 3; // line control
constexpr uint16_t UART_MCR = 4; // modem control
constexpr uint16_t UART_LSR = 5; // line status
constexpr uint16_t UART_SCR = 7; // scratch

constexpr uint8_t UART_IER_RDI = 0x01;       // interrupt when received data is available
constexpr uint8_t UART_FCR_ENABLE_FIFO = 0x01;
constexpr uint8_t UART_FCR_CLEAR_RCVR = 0x02;
constexpr uint8_t UART_FCR_CLEAR_XMIT = 0x04;
constexpr uint8_t UART_FCR_TRIGGER_1 = 0x00; // interrupt after each byte: typing feels immediate
constexpr uint8_t UART_LCR_WLEN8 = 0x03;     // 8 data bits, 1 stop bit, no parity
constexpr uint8_t UART_LCR_DLAB = 0x80;      // the first two registers become the divisor
constexpr uint8_t UART_MCR_DTR = 0x01;
constexpr uint8_t UART_MCR_RTS = 0x02;
constexpr uint8_t UART_MCR_OUT2 = 0x08;      // on PCs, gates the UART's interrupt line to the PIC
constexpr uint8_t UART_LSR_DR = 0x01;        // a received byte is waiting
constexpr uint8_t UART_LSR_THRE = 0x20;      // the transmitter can take a byte

// The UART divides 115200 by this divisor to get the baud rate.
constexpr uint16_t baud_divisor = 115200 / 115200;

// Bounds the wait for the transmitter, so a missing or stuck UART cannot hang printk.
constexpr unsigned tx_poll_limit = 100000;

constinit bool s_present = false;

uint8_t serial_in(uint16_t reg) { return arch::inb(com1_base + reg); }
void serial_out(uint16_t reg, uint8_t value) { arch::outb(com1_base + reg, value); }

void serial_putc(char c)
{
    for (unsigned i = 0; i < tx_poll_limit && !(serial_in(UART_LSR) & UART_LSR_THRE); i++)
        asm volatile("pause");
    serial_out(UART_TX, static_cast<uint8_t>(c));
}

constinit Console s_serial_console = { "ttyS0", serial_write_raw, nullptr };

// Drains the receive FIFO; bytes go to the tty layer unchanged (its line discipline maps CR).
irqreturn_t serial8250_interrupt(int irq, void* dev)
{
    irqreturn_t result = IRQ_NONE;
    while (serial_in(UART_LSR) & UART_LSR_DR) {
        tty_receive_char(TtySource::Serial, static_cast<char>(serial_in(UART_RX)));
        result = IRQ_HANDLED;
    }
    return result;
}

// Device initcall: the console already prints; now let it receive too.
int serial8250_init()
{
    if (!s_present)
        return -ENODEV;
    if (int error = request_irq(com1_irq, serial8250_interrupt, 0, "serial", nullptr))
        return error;
    serial_out(UART_MCR, UART_MCR_DTR | UART_MCR_RTS | UART_MCR_OUT2);
    // Bytes already waiting raise the interrupt as soon as it is enabled, so none are lost.
    serial_out(UART_IER, UART_IER_RDI);
    return 0;
}
device_initcall(serial8250_init);

} // namespace

void serial_write_raw(const char* text, size_t length)
{
    for (size_t i = 0; i < length; i++) {
        // Terminals need CR to return to column 0; kernel text ends lines with LF only.
        if (text[i] == '\n')
            serial_putc('\r');
        serial_putc(text[i]);
    }
}

void serial_console_init()
{
    // A UART answers with what was written to its scratch register; an empty bus reads 0xFF.
    serial_out(UART_SCR, 0xA5);
    if (serial_in(UART_SCR) != 0xA5)
        return;
    s_present = true;

    serial_out(UART_IER, 0); // no interrupts until the IRQ handler is installed
    serial_out(UART_LCR, UART_LCR_DLAB);
    serial_out(UART_DLL, baud_divisor & 0xFF);
    serial_out(UART_DLM, baud_divisor >> 8);
    serial_out(UART_LCR, UART_LCR_WLEN8);
    serial_out(UART_FCR, UART_FCR_ENABLE_FIFO | UART_FCR_CLEAR_RCVR | UART_FCR_CLEAR_XMIT | UART_FCR_TRIGGER_1);
    serial_out(UART_MCR, UART_MCR_DTR | UART_MCR_RTS);

    register_console(&s_serial_console);
}
