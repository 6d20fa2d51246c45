#pragma once

// Writes the buffered log lines out.
void flush_logs();
