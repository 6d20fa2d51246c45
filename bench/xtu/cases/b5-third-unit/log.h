#pragma once

void flush_logs();
