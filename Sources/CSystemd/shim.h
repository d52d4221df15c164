#ifndef CSYSTEMD_SHIM_H
#define CSYSTEMD_SHIM_H
// Only the non-variadic entry points are usable from Swift: sd_notify and sd_journal_sendv.
// sd_notifyf and sd_journal_send are C variadics, which Swift imports as unavailable.
#include <systemd/sd-daemon.h>
#include <systemd/sd-journal.h>
#endif
