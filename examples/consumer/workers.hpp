// The consumer's own header, included by main.cpp: editing it re-lowers
// main.cpp (cosm_lower() tracks it through cosm-lower's depfile).
#ifndef COSM_CONSUMER_WORKERS_HPP
#define COSM_CONSUMER_WORKERS_HPP

namespace consumer {

/// How many worker tasks main.cpp starts.
constexpr int WorkerCount = 3;

/// What worker \p Id returns to the task that awaits it.
inline int workResult(int Id) { return Id * Id; }

} // namespace consumer

#endif // COSM_CONSUMER_WORKERS_HPP
