// The native command-line tool: `cronaca analyse` and `cronaca tag`.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "geo/places.h"
#include "lang/language.h"
#include "ner/tagger.h"
#include "output/json_writer.h"
#include "output/timeml_writer.h"
#include "resources/resources.h"

namespace fs = std::filesystem;
using namespace cronaca;

namespace {

constexpr const char* kUsage = R"(usage:
  cronaca analyse [--lang auto|it|en] [--date YYYY-MM[-DD]] [--format json|timeml]
                  [--corrections FILE] [--output-dir DIR] PATH...
      Analyses text, HTML and Markdown files (PATH may be a file, a directory, read
      recursively, or - for standard input) and prints one cronaca/1 JSON result for the
      whole corpus. --date is the date of documents that carry none of their own.
      --corrections applies the user's entity corrections, a JSON list (docs/schema.md).
      With --format timeml, prints one TimeML document per input, or writes them to DIR.
  cronaca tag --conll [--lang it|en]
      Reads one token per line (first column) with blank lines between sentences from
      standard input and prints token<TAB>BIO-tag lines.
  cronaca --version

Exit status: 0 when every input was analysed, 1 when some could not be (see "errors" in
the output and the messages on standard error), 2 for usage errors.
Resources are read from ../share/cronaca/resources.pack beside the executable, or from
the file named by CRONACA_RESOURCES.
)";

int usage_error(const std::string& message) {
  std::cerr << "cronaca: " << message << "\n\n" << kUsage;
  return 2;
}

bool read_stream(std::istream& in, std::string& out) {
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

bool read_file(const fs::path& path, std::string& out, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::string("cannot open the file: ") + std::strerror(errno);
    return false;
  }
  if (!read_stream(in, out)) {
    error = "cannot read the file";
    return false;
  }
  return true;
}

// Reads an input to analyse into `out`, but no more of it than the analyzer takes: a file over the
// limit is refused by its size without being read (a 20 GB dump would otherwise fill the memory),
// and a stream (standard input, a device such as /dev/zero) stops past the limit. Returns "" or
// the reason the input is not analysed.
std::string read_input(const fs::path& path, std::string& out) {
  std::error_code ec;
  const bool regular = !path.empty() && fs::is_regular_file(path, ec);
  if (regular) {
    const std::uintmax_t size = fs::file_size(path, ec);
    if (!ec && size > kMaxInputBytes) return input_size_problem(size);
  }
  std::ifstream file;
  if (!path.empty()) {
    file.open(path, std::ios::binary);
    if (!file) return std::string("cannot open the file: ") + std::strerror(errno);
  }
  std::istream& in = path.empty() ? std::cin : file;
  out.clear();
  std::vector<char> buffer(std::size_t{1} << 16);
  while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0) {
    out.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
    if (out.size() > kMaxInputBytes) {
      return "the input is larger than the " + std::to_string(kMaxInputBytes >> 20) +
             ".0 MB Cronaca analyses in one file: split it into smaller files";
    }
  }
  if (in.bad()) return path.empty() ? "cannot read standard input" : "cannot read the file";
  return {};
}

fs::path executable_dir() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::current_path() : self.parent_path();
}

bool load_resources(Resources& resources) {
  const char* override_path = std::getenv("CRONACA_RESOURCES");
  const fs::path path = override_path && *override_path ? fs::path(override_path)
                                                        : executable_dir() / ".." / "share" / "cronaca" / "resources.pack";
  std::string bytes, error;
  if (!read_file(path, bytes, error)) {
    std::cerr << "cronaca: resources " << path.string() << ": " << error << "\n";
    return false;
  }
  if (!resources.add_pack(bytes, error)) {
    std::cerr << "cronaca: resources " << path.string() << ": " << error << "\n";
    return false;
  }
  return true;
}

bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name[0] == '.';
}

struct Input {
  std::string name;  // what the document is called in the output
  fs::path path;     // empty for standard input
};

// Files named on the command line are called by their file name; files found in a directory by
// the directory's name and their path inside it, as a browser names a dropped folder's files.
void collect_inputs(const std::string& argument, std::vector<Input>& inputs, Analyzer& analyzer) {
  if (argument == "-") {
    inputs.push_back({"stdin", {}});
    return;
  }
  const fs::path path(argument);
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    inputs.push_back({path.filename().string(), path});
    return;
  }
  const fs::path absolute = fs::weakly_canonical(path, ec);
  const std::string root_name = (ec ? path : absolute).filename().string();
  std::vector<Input> found;
  fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
  if (ec) {
    analyzer.reject(argument, "cannot read the directory: " + ec.message());
    return;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) {
      analyzer.reject(argument, "cannot read the directory: " + ec.message());
      break;
    }
    if (is_hidden(it->path())) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec)) continue;
    const std::string relative = fs::relative(it->path(), path, ec).generic_string();
    found.push_back({root_name + "/" + relative, it->path()});
  }
  std::sort(found.begin(), found.end(), [](const Input& a, const Input& b) { return a.name < b.name; });
  inputs.insert(inputs.end(), found.begin(), found.end());
}

std::string file_name_for(const std::string& document_name) {
  std::string out = document_name;
  std::replace(out.begin(), out.end(), '/', '_');
  return out + ".tml";
}

int analyse(const std::vector<std::string>& args) {
  AnalyzerOptions options;
  std::string format = "json";
  std::string output_dir;
  std::vector<std::string> paths;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--lang" || arg == "--date" || arg == "--format" || arg == "--output-dir" || arg == "--corrections") {
      if (i + 1 >= args.size()) return usage_error(arg + " needs a value");
      const std::string& value = args[++i];
      if (arg == "--lang") options.lang = value;
      if (arg == "--date") options.date = value;
      if (arg == "--format") format = value;
      if (arg == "--output-dir") output_dir = value;
      if (arg == "--corrections") {
        std::string error;
        if (!read_file(value, options.corrections, error)) return usage_error("--corrections " + value + ": " + error);
      }
    } else if (arg == "-" || arg.empty() || arg[0] != '-') {
      paths.push_back(arg);
    } else {
      return usage_error("unknown option " + arg);
    }
  }
  if (paths.empty()) return usage_error("analyse needs at least one PATH");
  if (format != "json" && format != "timeml") return usage_error("--format must be json or timeml");
  if (!output_dir.empty() && format != "timeml") return usage_error("--output-dir goes with --format timeml");

  Resources resources;
  if (!load_resources(resources)) return 2;
  try {
    Analyzer analyzer(resources, options);
    std::vector<Input> inputs;
    for (const std::string& path : paths) collect_inputs(path, inputs, analyzer);
    for (const Input& input : inputs) {
      std::string bytes;
      if (const std::string problem = read_input(input.path, bytes); !problem.empty()) {
        analyzer.reject(input.name, problem);
      } else {
        analyzer.add(input.name, bytes);
      }
    }
    const AnalysisResult result = analyzer.finish();
    for (const Document& doc : result.documents) {
      for (const std::string& warning : doc.warnings) std::cerr << "cronaca: " << doc.name << ": warning: " << warning << "\n";
    }
    for (const InputError& e : result.errors) std::cerr << "cronaca: " << e.name << ": " << e.message << "\n";

    if (format == "json") {
      const std::string json = to_json(result);
      std::fwrite(json.data(), 1, json.size(), stdout);
    } else if (output_dir.empty()) {
      for (const Document& doc : result.documents) std::cout << to_timeml(doc);
    } else {
      std::error_code ec;
      fs::create_directories(output_dir, ec);
      for (const Document& doc : result.documents) {
        std::ofstream out(fs::path(output_dir) / file_name_for(doc.name), std::ios::binary);
        out << to_timeml(doc);
        if (!out) {
          std::cerr << "cronaca: cannot write into " << output_dir << "\n";
          return 2;
        }
      }
    }
    std::fflush(stdout);
    return result.errors.empty() ? 0 : 1;
  } catch (const std::invalid_argument& e) {
    return usage_error(e.what());
  } catch (const std::exception& e) {
    std::cerr << "cronaca: " << e.what() << "\n";
    return 2;
  }
}

int tag(const std::vector<std::string>& args) {
  std::string lang = "it";
  bool conll = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--conll") {
      conll = true;
    } else if (args[i] == "--lang" && i + 1 < args.size()) {
      lang = args[++i];
    } else {
      return usage_error("unknown tag option " + args[i]);
    }
  }
  if (!conll) return usage_error("tag reads CoNLL input: pass --conll");
  if (lang != "it" && lang != "en") return usage_error("--lang must be it or en");
  Resources resources;
  if (!load_resources(resources)) return 2;
  std::vector<std::string> errors;
  const Languages languages = Languages::load(resources, errors);
  const LanguageProfile* profile = languages.find(lang);
  if (!profile) return usage_error("no resources for --lang " + lang);
  const Places places(resources);
  std::unique_ptr<EntityTagger> tagger;
  try {
    tagger = std::make_unique<EntityTagger>(resources, *profile, places);
  } catch (const std::invalid_argument& e) {
    std::cerr << "cronaca: " << e.what() << "\n";
    return 2;
  }

  // The input is one document: the tagger reads each sentence in the light of those around it.
  // Its lines are kept (a blank one is an empty token) to print them back as they came.
  std::vector<std::string> lines;
  std::vector<std::vector<std::string_view>> sentences(1);
  std::string line;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line.substr(0, line.find_first_of("\t ")));
  }
  for (const std::string& token : lines) {
    if (!token.empty()) {
      sentences.back().push_back(token);
    } else if (!sentences.back().empty()) {
      sentences.emplace_back();
    }
  }
  const auto labels = tagger->tag(sentences);
  std::string out;
  std::size_t sentence = 0, word = 0;
  for (const std::string& token : lines) {
    if (token.empty()) {
      if (word > 0) ++sentence, word = 0;
      out += '\n';
      continue;
    }
    out.append(token).append("\t").append(label_name(labels[sentence][word++])).append("\n");
  }
  std::cout << out;
  return std::cout ? 0 : 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << kUsage;
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "--version") {
    std::cout << "cronaca " << CRONACA_VERSION << " (" << kSchema << ")\n";
    return 0;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  if (command == "analyse" || command == "analyze") return analyse(args);
  if (command == "tag") return tag(args);
  return usage_error("unknown command " + command);
}
