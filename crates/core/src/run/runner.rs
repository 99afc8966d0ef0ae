//! The runner as a state machine, free of any clock or network: it hands out the next request prepared
//! (`Runner::next`), the caller sends it its own way (the app through fetch, the CLI from the host) and hands
//! the outcome back (`Runner::record`), which checks the answer, captures values into the environment and
//! decides whether to go on.

use super::data::DataRow;
use super::plan::Planned;
use super::references::{self, Exchanged};
use super::report::{Report, StepResult};
use crate::check::{apply_captures, evaluate, Answer};
use crate::edit::model::{Environment, KeyValue};
use crate::prepare::{prepare_for, variables_used, PreparedRequest, Sender};

/// An answer as the caller received it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Exchange {
    pub status: u16,
    pub status_text: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub elapsed_ms: f64,
}

impl Exchange {
    pub fn answer(&self) -> Answer<'_> {
        Answer {
            status: self.status,
            headers: &self.headers,
            body: &self.body,
            elapsed_ms: self.elapsed_ms,
        }
    }
}

/// How a run goes.
#[derive(Clone, Debug, PartialEq)]
pub struct RunOptions {
    /// How many times the plan runs; `None`: once per data row, or once without data.
    pub iterations: Option<usize>,
    /// Stop at the first request that fails (not answered, an assertion failed, nothing captured).
    pub bail: bool,
    /// A `{{name}}` nothing defines is sent as written, as REST Client does for `.http` files; otherwise
    /// the request is not sent and the names are reported.
    pub unknown_as_written: bool,
    pub sender: Sender,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            iterations: None,
            bail: false,
            unknown_as_written: false,
            sender: Sender::Server,
        }
    }
}

/// The request to send now.
#[derive(Clone, Debug)]
pub struct Step {
    pub iteration: usize,
    pub index: usize,
    pub path: String,
    pub prepared: PreparedRequest,
    /// The variables it was prepared with (send-time auth reads them too).
    pub environment: Environment,
}

/// Values of `{{$name …}}` dynamic variables (`$guid`, `$timestamp`, …), which need a clock and a random
/// source the runner does not have: `None` when `name` is not one.
pub type Dynamic<'a> = dyn FnMut(&str) -> Option<String> + 'a;

pub struct Runner {
    plan: Vec<Planned>,
    /// The collection's variables, below the environment's.
    collection: Vec<KeyValue>,
    /// The active environment, which captures write to.
    environment: Environment,
    data: Vec<DataRow>,
    options: RunOptions,
    iterations: usize,
    /// The next request's place: iteration (from 0) and index in the plan.
    at: (usize, usize),
    /// The step handed out and not yet recorded.
    pending: Option<Step>,
    /// Each named request's last exchange, for references.
    last: Vec<(String, PreparedRequest, Exchange)>,
    report: Report,
}

impl Runner {
    pub fn new(
        name: &str,
        plan: Vec<Planned>,
        collection: Vec<KeyValue>,
        environment: Environment,
        data: Vec<DataRow>,
        options: RunOptions,
    ) -> Runner {
        let iterations = options.iterations.unwrap_or(data.len().max(1));
        Runner {
            plan,
            collection,
            environment,
            data,
            iterations,
            at: (0, 0),
            pending: None,
            last: Vec::new(),
            report: Report {
                collection: name.to_string(),
                iterations,
                ..Report::default()
            },
            options,
        }
    }

    /// The next request to send, prepared; requests that cannot be prepared are reported and skipped.
    /// `None` when the run is over (or waits for `record`).
    pub fn next(&mut self, dynamic: &mut Dynamic) -> Option<Step> {
        while self.pending.is_none() && self.report.stopped.is_empty() {
            let (iteration, index) = self.at;
            if iteration >= self.iterations {
                return None;
            }
            let Some(planned) = self.plan.get(index) else {
                self.at = (iteration + 1, 0);
                continue;
            };
            self.at = (iteration, index + 1);
            let environment = self.environment_for(iteration, &planned.request, dynamic);
            let planned = planned.clone();
            match environment.and_then(|env| {
                prepare_for(&planned.request, &env, self.options.sender)
                    .map(|prepared| (prepared, env))
                    .map_err(|e| e.to_string())
            }) {
                Ok((prepared, environment)) => {
                    self.pending = Some(Step {
                        iteration,
                        index,
                        path: planned.path,
                        prepared,
                        environment,
                    });
                }
                Err(error) => {
                    let step = StepResult {
                        iteration: iteration + 1,
                        index,
                        path: planned.path,
                        method: planned.request.method.to_string(),
                        url: planned.request.url,
                        error,
                        ..StepResult::default()
                    };
                    self.push(step);
                }
            }
        }
        self.pending.clone()
    }

    /// The pending step's outcome: its answer, or why there is none. Checks the answer and captures into
    /// the environment.
    pub fn record(&mut self, outcome: Result<Exchange, String>) {
        let Some(step) = self.pending.take() else {
            return;
        };
        let Some(planned) = self.plan.get(step.index) else {
            return;
        };
        let mut result = StepResult {
            iteration: step.iteration + 1,
            index: step.index,
            path: step.path,
            method: step.prepared.method.to_string(),
            url: step.prepared.url.to_string(),
            ..StepResult::default()
        };
        match outcome {
            Ok(exchange) => {
                result.status = exchange.status;
                result.status_text = exchange.status_text.clone();
                result.elapsed_ms = exchange.elapsed_ms;
                result.size = exchange.body.len() as u64;
                let answer = exchange.answer();
                let checked = evaluate(&planned.request.checks, answer, &step.environment);
                result.assertions = checked.assertions;
                result.captured = checked.captured;
                apply_captures(&result.captured, &mut self.environment);
                let name = planned.name.clone();
                self.last.retain(|(n, _, _)| *n != name);
                self.last.push((name, step.prepared, exchange));
            }
            Err(error) => result.error = error,
        }
        self.push(result);
    }

    /// Stops the run: no further request is handed out.
    pub fn cancel(&mut self) {
        self.pending = None;
        if self.report.stopped.is_empty() {
            self.report.stopped = "cancelled".to_string();
        }
    }

    pub fn report(&self) -> &Report {
        &self.report
    }

    pub fn into_report(self) -> Report {
        self.report
    }

    /// The environment as captures left it (to keep after the run).
    pub fn environment(&self) -> &Environment {
        &self.environment
    }

    /// How many requests the run sends at most: the plan times the iterations.
    pub fn planned(&self) -> usize {
        self.plan.len() * self.iterations
    }

    pub fn started_at(&mut self, rfc3339: String) {
        self.report.started_at = rfc3339;
    }

    fn push(&mut self, step: StepResult) {
        if self.options.bail && step.failed() {
            self.report.stopped = "bail".to_string();
        }
        self.report.steps.push(step);
    }

    /// The variables request `iteration` sees, lowest first: the collection's, the environment's (with
    /// what earlier requests captured), the iteration's data row; then every name still unknown that is a
    /// reference, a dynamic variable or, for `.http` files, written as it was.
    fn environment_for(
        &self,
        iteration: usize,
        request: &crate::edit::model::Request,
        dynamic: &mut Dynamic,
    ) -> Result<Environment, String> {
        let mut env = Environment {
            name: self.environment.name.clone(),
            variables: self.collection.clone(),
        };
        env.variables
            .extend(self.environment.variables.iter().cloned());
        // More iterations than rows reuse the last row, as Postman's runner does.
        if let Some(row) = self.data.get(iteration).or(self.data.last()) {
            env.variables.extend(row.iter().cloned());
        }
        for name in variables_used(request) {
            if env.lookup(&name).is_some() {
                continue;
            }
            let value = if references::is_reference(&name) {
                references::resolve(&name, |wanted| {
                    self.last
                        .iter()
                        .find(|(n, _, _)| n == wanted)
                        .map(|(_, request, exchange)| Exchanged {
                            request,
                            answer: exchange.answer(),
                        })
                })?
            } else if let Some(value) = name.starts_with('$').then(|| dynamic(&name)).flatten() {
                value
            } else if self.options.unknown_as_written {
                format!("{{{{{name}}}}}")
            } else {
                continue; // prepare names every unknown variable at once
            };
            env.variables.push(KeyValue::new(name, value));
        }
        Ok(env)
    }
}
