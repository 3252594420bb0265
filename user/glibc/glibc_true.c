/* glibc_true: the smallest glibc program; its start-up (TLS through
 * set_thread_area, %gs, set_tid_address, set_robust_list) is the test. */
int main(void)
{
    return 0;
}
