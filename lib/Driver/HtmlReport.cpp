//===--- HtmlReport.cpp - async-lint --------------------------------------===//
//
// --format=html: one self-contained page (no network): a summary by check
// and by file, a chart of findings by check, each finding with its code
// excerpt and its notes as a path through the code, and the documentation
// of each check that reported.
//
//===----------------------------------------------------------------------===//

#include "AsyncLint.h"
#include "Reporting.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include <algorithm>
#include <map>

namespace async_lint {

namespace {

std::string escape(llvm::StringRef Text) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  llvm::printHTMLEscaped(Text, OS);
  return Out;
}

/// The lines of the files findings point into, read once each.
class Sources {
public:
  /// Lines \p From to \p To (1-based, clamped) of \p File; empty when the
  /// file cannot be read.
  std::vector<std::pair<unsigned, std::string>>
  lines(const std::string &File, unsigned From, unsigned To) {
    auto [It, New] = Files.try_emplace(File);
    if (New)
      if (auto Buffer = llvm::MemoryBuffer::getFile(File)) {
        llvm::SmallVector<llvm::StringRef, 0> Split;
        (*Buffer)->getBuffer().split(Split, '\n');
        for (llvm::StringRef Line : Split)
          It->second.push_back(Line.rtrim("\r").str());
      }
    std::vector<std::pair<unsigned, std::string>> Out;
    for (unsigned L = std::max(1u, From); L <= To && L <= It->second.size();
         ++L)
      Out.push_back({L, It->second[L - 1]});
    return Out;
  }

private:
  std::map<std::string, std::vector<std::string>> Files;
};

void writeExcerpt(llvm::raw_ostream &OS, Sources &Src, const Location &At,
                  unsigned Around) {
  auto Lines = Src.lines(At.File, At.Line > Around ? At.Line - Around : 1,
                         At.Line + Around);
  if (Lines.empty())
    return;
  // Each line is a block (so that the hit line's background spans the
  // width) that ends with its own newline (so that copied text keeps its
  // lines): a newline between two blocks would be an empty line of its own.
  OS << "<pre class=\"code\">";
  for (const auto &[Number, Text] : Lines)
    OS << "<span class=\"" << (Number == At.Line ? "line hit" : "line")
       << "\"><span class=\"no\">" << Number << "</span>" << escape(Text)
       << "\n</span>";
  OS << "</pre>\n";
}

std::string where(const Location &L, llvm::StringRef Root) {
  return escape(relativePath(L.File, Root)) + ":" + std::to_string(L.Line) +
         ":" + std::to_string(L.Column);
}

void writeFinding(llvm::raw_ostream &OS, Sources &Src, const Finding &F,
                  unsigned Index, llvm::StringRef Root) {
  OS << "<section class=\"finding " << escape(F.Level) << "\" id=\"f" << Index
     << "\" data-check=\"" << escape(F.Check) << "\" data-file=\""
     << escape(relativePath(F.Where.File, Root)) << "\">\n<h3><a href=\"#doc-"
     << escape(F.Check) << "\">" << escape(F.Check)
     << "</a> <span class=\"at\">" << where(F.Where, Root)
     << "</span></h3>\n<p class=\"message\">" << escape(F.Message) << "</p>\n";
  writeExcerpt(OS, Src, F.Where, 2);
  if (!F.Notes.empty()) {
    OS << "<ol class=\"path\">\n";
    for (const Note &N : F.Notes) {
      OS << "<li><span class=\"at\">" << where(N.Where, Root) << "</span> "
         << escape(N.Message) << "\n";
      writeExcerpt(OS, Src, N.Where, 0);
      OS << "</li>\n";
    }
    OS << "</ol>\n";
  }
  OS << "</section>\n";
}

/// A horizontal bar per check, as inline SVG.
void writeChart(llvm::raw_ostream &OS,
                const std::vector<std::pair<std::string, unsigned>> &ByCheck) {
  unsigned Most = 1;
  for (const auto &[Check, Count] : ByCheck)
    Most = std::max(Most, Count);
  unsigned Height = 24 * ByCheck.size() + 8;
  OS << "<svg class=\"chart\" role=\"img\" aria-label=\"findings by check\" "
        "width=\"640\" height=\""
     << Height << "\">\n";
  unsigned Y = 4;
  for (const auto &[Check, Count] : ByCheck) {
    unsigned Width = 360 * Count / Most;
    OS << "<text x=\"0\" y=\"" << Y + 15 << "\">" << escape(Check)
       << "</text><rect x=\"230\" y=\"" << Y << "\" width=\"" << Width
       << "\" height=\"18\"></rect><text x=\"" << 236 + Width << "\" y=\""
       << Y + 15 << "\">" << Count << "</text>\n";
    Y += 24;
  }
  OS << "</svg>\n";
}

constexpr llvm::StringLiteral Style = R"css(
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;color:#222}
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse}td,th{padding:.2em .8em;border-bottom:1px solid #eee;text-align:left}
.finding{border:1px solid #ddd;border-left:4px solid #d80;border-radius:4px;padding:.2em 1em;margin:1em 0}
.finding.error{border-left-color:#c00}.finding h3{margin:.4em 0;font-size:1em}
.at{font-family:monospace;color:#555}.message{font-weight:600}
pre.code{background:#f6f6f6;padding:.4em;overflow-x:auto;margin:.3em 0}
.line{display:block}.line.hit{background:#fff2c0}
.no{display:inline-block;width:4em;color:#999;user-select:none}
ol.path li{margin:.3em 0}.chart rect{fill:#d80}.chart text{font-size:12px}
.doc pre{white-space:pre-wrap;background:#fafafa;padding:1em}
)css";

// Filters the findings by check and by file; marks the page rendered with
// the number of findings shown.
constexpr llvm::StringLiteral Script = R"js(
var checks=document.getElementById('check-filter'),files=document.getElementById('file-filter');
function show(){var n=0;document.querySelectorAll('.finding').forEach(function(f){
var on=(!checks.value||f.dataset.check===checks.value)&&(!files.value||f.dataset.file===files.value);
f.style.display=on?'':'none';if(on)n++;});
document.body.dataset.shown=String(n);}
checks.addEventListener('change',show);files.addEventListener('change',show);
show();
)js";

} // namespace

void writeHtml(llvm::ArrayRef<Finding> Findings, llvm::StringRef Root,
               unsigned FilesAnalysed, llvm::raw_ostream &OS) {
  std::map<std::string, unsigned> CheckCounts, FileCounts;
  for (const Finding &F : Findings) {
    ++CheckCounts[F.Check];
    ++FileCounts[relativePath(F.Where.File, Root)];
  }
  std::vector<std::pair<std::string, unsigned>> ByCheck(CheckCounts.begin(),
                                                        CheckCounts.end());
  OS << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>async-lint report</title><style>"
     << Style << "</style></head>\n<body data-findings=\"" << Findings.size()
     << "\">\n<h1>async-lint report</h1>\n<p>" << Findings.size()
     << " findings in " << FileCounts.size() << " files; " << FilesAnalysed
     << " files analysed; async-lint " << version() << ".</p>\n";
  OS << "<h2>By check</h2>\n<table><tr><th>check</th><th>findings</th></tr>\n";
  for (const auto &[Check, Count] : ByCheck)
    OS << "<tr><td><a href=\"#doc-" << escape(Check) << "\">" << escape(Check)
       << "</a></td><td>" << Count << "</td></tr>\n";
  OS << "</table>\n";
  writeChart(OS, ByCheck);
  OS << "<h2>By file</h2>\n<table><tr><th>file</th><th>findings</th></tr>\n";
  for (const auto &[File, Count] : FileCounts)
    OS << "<tr><td>" << escape(File) << "</td><td>" << Count << "</td></tr>\n";
  OS << "</table>\n<h2>Findings</h2>\n<p><label>Show <select "
        "id=\"check-filter\"><option value=\"\">every check</option>";
  for (const auto &[Check, Count] : ByCheck)
    OS << "<option value=\"" << escape(Check) << "\">" << escape(Check)
       << "</option>";
  OS << "</select></label> <label>in <select id=\"file-filter\">"
        "<option value=\"\">every file</option>";
  for (const auto &[File, Count] : FileCounts)
    OS << "<option value=\"" << escape(File) << "\">" << escape(File)
       << "</option>";
  OS << "</select></label></p>\n";
  Sources Src;
  unsigned Index = 0;
  for (const Finding &F : Findings)
    writeFinding(OS, Src, F, Index++, Root);
  OS << "<h2>The checks</h2>\n";
  for (const auto &[Check, Count] : ByCheck) {
    llvm::StringRef Doc = checkDocumentation(Check);
    OS << "<section class=\"doc\" id=\"doc-" << escape(Check) << "\"><h3>"
       << escape(Check) << "</h3><pre>"
       << escape(Doc.empty() ? checkSummary(Check) : Doc)
       << "</pre></section>\n";
  }
  OS << "<script>" << Script << "</script>\n</body></html>\n";
}

} // namespace async_lint
