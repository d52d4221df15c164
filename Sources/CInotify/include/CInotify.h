#ifndef CINOTIFY_H
#define CINOTIFY_H

#include <stdint.h>
#include <stddef.h>

#ifdef __linux__
#include <sys/inotify.h>

// The IN_* values are preprocessor macros whose types differ (some are int, IN_ONESHOT and IN_ISDIR are unsigned
// shifts); exporting them as one C type gives Swift a single UInt32 to combine without casts.
extern const uint32_t CInotify_IN_ACCESS;
extern const uint32_t CInotify_IN_MODIFY;
extern const uint32_t CInotify_IN_ATTRIB;
extern const uint32_t CInotify_IN_CLOSE_WRITE;
extern const uint32_t CInotify_IN_CLOSE_NOWRITE;
extern const uint32_t CInotify_IN_OPEN;
extern const uint32_t CInotify_IN_MOVED_FROM;
extern const uint32_t CInotify_IN_MOVED_TO;
extern const uint32_t CInotify_IN_CREATE;
extern const uint32_t CInotify_IN_DELETE;
extern const uint32_t CInotify_IN_DELETE_SELF;
extern const uint32_t CInotify_IN_MOVE_SELF;
extern const uint32_t CInotify_IN_UNMOUNT;
extern const uint32_t CInotify_IN_Q_OVERFLOW;
extern const uint32_t CInotify_IN_IGNORED;
extern const uint32_t CInotify_IN_ONLYDIR;
extern const uint32_t CInotify_IN_DONT_FOLLOW;
extern const uint32_t CInotify_IN_EXCL_UNLINK;
extern const uint32_t CInotify_IN_ISDIR;
extern const int32_t CInotify_IN_NONBLOCK;
extern const int32_t CInotify_IN_CLOEXEC;

/// The size of the fixed part of one record: `struct inotify_event` without its name.
extern const size_t CInotify_event_header_size;

/// One decoded record of an inotify read buffer.
typedef struct {
    int32_t wd;
    uint32_t mask;
    uint32_t cookie;
    /// The NUL-terminated name inside the read buffer, or NULL when the event is about the watched directory itself.
    const char *name;
} CInotify_event;

/// Decodes the record that starts at `offset` in `buffer` (of `length` valid bytes).
///
/// Returns the offset of the next record, or 0 when the buffer does not hold a whole record at `offset`.
/// Swift cannot read the record itself: `name[]` is a flexible array member, which Swift does not import, and the
/// records sit at unaligned offsets that only a `memcpy` may read portably.
size_t CInotify_decode(const void *buffer, size_t length, size_t offset, CInotify_event *event);

/// Stores the `statfs(2)` filesystem magic of `path` in `magic`; returns 0, or -1 with errno set.
///
/// It lives here because whether inotify can see changes depends on the filesystem type, and `<sys/vfs.h>` is not
/// part of the Glibc module Swift imports.
int CInotify_filesystem_magic(const char *path, long *magic);

#endif /* __linux__ */
#endif /* CINOTIFY_H */
