#pragma once

void sync_disk();
