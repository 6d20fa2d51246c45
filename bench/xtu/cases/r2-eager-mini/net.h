#pragma once
#include "mini.h"
#include <string>

mini::eager send(const std::string &text);
