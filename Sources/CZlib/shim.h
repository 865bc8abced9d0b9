// zlib from the system (Debian's zlib1g-dev): inflating DOCX archives and checksumming ZIP entries.
#include <zlib.h>
