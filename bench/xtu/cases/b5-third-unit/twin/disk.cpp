#include "disk.h"

int g_syncs = 0;

void sync_disk() {
  ++g_syncs;
}
