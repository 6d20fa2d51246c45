#pragma once
#include <string>

// Copies the database file to the backup directory.
void backup_now(const std::string &path);
