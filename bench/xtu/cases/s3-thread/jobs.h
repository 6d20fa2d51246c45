#pragma once

void start_job(int id);
