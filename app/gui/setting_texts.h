#pragma once
// The settings table's texts as lupdate sees them (setting_texts.cpp says why they are listed).
#include <span>

// Every group, label, help and choice help of shm::kSettings, each once, untranslated.
std::span<const char* const> settingTexts();
