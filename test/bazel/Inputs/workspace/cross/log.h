#pragma once

void flush_logs();
void quiet_flush();
