// The Kubernetes manifests under deploy/ are never applied here (no cluster on the build machines):
// this holds them to what a cluster would need of them. Every file parses, names its kind, and is
// marked as not run here; the Deployment runs two or more instances that migrate first and are
// probed on /api/health through a port the Service, the Ingress and the probes all agree on.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { z } from "zod";

const FOLDER = "deploy/kubernetes";
const files = readdirSync(FOLDER).filter((file) => file.endsWith(".yaml"));

const labels = z.record(z.string(), z.string());
const port = z.union([z.number(), z.string()]);
const probeSchema = z.object({ httpGet: z.object({ path: z.string(), port }), periodSeconds: z.number(), failureThreshold: z.number() });
const resources = z.object({
  requests: z.object({ cpu: z.string(), memory: z.string() }),
  limits: z.object({ memory: z.string() }),
});
const container = z.object({
  name: z.string(),
  image: z.string(),
  command: z.array(z.string()),
  envFrom: z.array(z.object({ secretRef: z.object({ name: z.string() }) })).min(1),
  resources,
});
const deploymentSchema = z.object({
  kind: z.literal("Deployment"),
  metadata: z.object({ name: z.string() }),
  spec: z.object({
    replicas: z.number(),
    selector: z.object({ matchLabels: labels }),
    template: z.object({
      metadata: z.object({ labels }),
      spec: z.object({
        initContainers: z.array(container).min(1),
        containers: z
          .array(
            container.extend({
              ports: z.array(z.object({ name: z.string(), containerPort: z.number() })).min(1),
              readinessProbe: probeSchema,
              livenessProbe: probeSchema,
            }),
          )
          .length(1),
      }),
    }),
  }),
});
const serviceSchema = z.object({
  kind: z.literal("Service"),
  metadata: z.object({ name: z.string() }),
  spec: z.object({ selector: labels, ports: z.array(z.object({ name: z.string(), port: z.number(), targetPort: port })).length(1) }),
});
const budgetSchema = z.object({
  kind: z.literal("PodDisruptionBudget"),
  spec: z.object({ minAvailable: z.number(), selector: z.object({ matchLabels: labels }) }),
});
const ingressSchema = z.object({
  kind: z.literal("Ingress"),
  metadata: z.object({ annotations: z.record(z.string(), z.string()) }),
  spec: z.object({
    rules: z
      .array(
        z.object({
          http: z.object({
            paths: z.array(
              z.object({ backend: z.object({ service: z.object({ name: z.string(), port: z.object({ name: z.string() }) }) }) }),
            ),
          }),
        }),
      )
      .min(1),
  }),
});
const kustomizationSchema = z.object({ kind: z.literal("Kustomization"), resources: z.array(z.string()) });

const documents = files.flatMap((file) => {
  const text = readFileSync(path.join(FOLDER, file), "utf8");
  return parseAllDocuments(text).map((document) => ({ file, text, errors: document.errors, value: document.toJS() as unknown }));
});
const ofKind = <T extends z.ZodType>(kind: string, schema: T): z.output<T> => {
  const found = documents.filter((document) => (document.value as { kind?: unknown } | null)?.kind === kind);
  expect(found, `one ${kind} under ${FOLDER}`).toHaveLength(1);
  return schema.parse(found[0]!.value);
};
/** Whether every label of `selector` is on the pods. */
const selects = (selector: Record<string, string>, podLabels: Record<string, string>) =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([key, value]) => podLabels[key] === value);

describe(`the Kubernetes manifests in ${FOLDER}`, () => {
  it("parse, each naming its kind, each marked as not run here", () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const document of documents) {
      expect(document.errors, document.file).toEqual([]);
      expect(document.value, document.file).toMatchObject({ apiVersion: expect.any(String), kind: expect.any(String) });
      expect(document.text, document.file).toContain("NOT RUN HERE");
    }
    expect(documents.map((document) => (document.value as { kind: string }).kind).toSorted()).toEqual(
      ["Deployment", "Ingress", "Kustomization", "PodDisruptionBudget", "Service"].toSorted(),
    );
  });

  it("list every manifest in the kustomization", () => {
    const kustomization = ofKind("Kustomization", kustomizationSchema);
    expect(kustomization.resources.toSorted()).toEqual(files.filter((file) => file !== "kustomization.yaml").toSorted());
  });

  it("run several instances that migrate first and are probed on /api/health, with resources and the Secret", () => {
    const deployment = ofKind("Deployment", deploymentSchema);
    const pod = deployment.spec.template;
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(selects(deployment.spec.selector.matchLabels, pod.metadata.labels)).toBe(true);
    expect(pod.spec.initContainers.map((init) => init.command.join(" "))).toContain("npm run db:migrate");
    const [console] = pod.spec.containers;
    for (const probe of [console!.readinessProbe, console!.livenessProbe]) {
      expect(probe.httpGet.path).toBe("/api/health");
      expect(console!.ports.some((declared) => declared.name === probe.httpGet.port || declared.containerPort === probe.httpGet.port)).toBe(
        true,
      );
    }
    // Liveness gives up later than readiness: an outage of the database takes pods out of service
    // long before it restarts them.
    const patience = (probe: z.output<typeof probeSchema>) => probe.periodSeconds * probe.failureThreshold;
    expect(patience(console!.livenessProbe)).toBeGreaterThan(patience(console!.readinessProbe));
    const images = new Set([...pod.spec.initContainers, console!].map((each) => each.image));
    expect(images.size, "the migration runs the same release as the server").toBe(1);
    const secrets = new Set([...pod.spec.initContainers, console!].flatMap((each) => each.envFrom.map((from) => from.secretRef.name)));
    expect(secrets.size, "every container reads the one Secret").toBe(1);
  });

  it("reach the pods through the Service and the Ingress on the port the probes use", () => {
    const deployment = ofKind("Deployment", deploymentSchema);
    const service = ofKind("Service", serviceSchema);
    const ingress = ofKind("Ingress", ingressSchema);
    const pod = deployment.spec.template;
    const [console] = pod.spec.containers;
    const [servicePort] = service.spec.ports;
    expect(selects(service.spec.selector, pod.metadata.labels)).toBe(true);
    const target = console!.ports.find(
      (declared) => declared.name === servicePort!.targetPort || declared.containerPort === servicePort!.targetPort,
    );
    expect(target, `the Service's targetPort ${servicePort!.targetPort} is a port of the console`).toBeDefined();
    expect(target?.name).toBe(console!.readinessProbe.httpGet.port);
    for (const rule of ingress.spec.rules) {
      for (const { backend } of rule.http.paths)
        expect(backend.service).toEqual({ name: service.metadata.name, port: { name: servicePort!.name } });
    }
    // The event stream passes through unbuffered and stays open.
    expect(ingress.metadata.annotations["nginx.ingress.kubernetes.io/proxy-buffering"]).toBe("off");
    expect(Number(ingress.metadata.annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"])).toBeGreaterThanOrEqual(600);
  });

  it("keep an instance serving through a voluntary disruption", () => {
    const deployment = ofKind("Deployment", deploymentSchema);
    const budget = ofKind("PodDisruptionBudget", budgetSchema);
    expect(selects(budget.spec.selector.matchLabels, deployment.spec.template.metadata.labels)).toBe(true);
    expect(budget.spec.minAvailable).toBeGreaterThanOrEqual(1);
    expect(budget.spec.minAvailable).toBeLessThan(deployment.spec.replicas);
  });
});
