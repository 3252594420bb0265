/* CPUs: kernlab runs on one, number 0. */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#define NR_CPUS 1
#define smp_processor_id() 0
#define raw_smp_processor_id() 0
#define get_cpu() ({ preempt_disable(); 0; })
#define put_cpu() preempt_enable()
#define num_online_cpus() 1U
#define num_possible_cpus() 1U
#define for_each_online_cpu(cpu) for ((cpu) = 0; (cpu) < 1; (cpu)++)
#define for_each_possible_cpu(cpu) for_each_online_cpu(cpu)

#include <linux/preempt.h>

#endif
